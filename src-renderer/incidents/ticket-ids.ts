// Parses the ticket numbers a lead types ("12, #13 14") into ids, or says which part is not a number.
export function parseTicketIds(text: string): { ok: true; value: number[] } | { ok: false; error: string } {
  const parts = text.split(/[\s,;]+/).map((p) => p.replace(/^#/, '')).filter((p) => p !== '');
  const ids: number[] = [];
  for (const p of parts) {
    if (!/^\d{1,9}$/.test(p) || Number(p) < 1) return { ok: false, error: `“${p}” is not a ticket number.` };
    ids.push(Number(p));
  }
  return { ok: true, value: [...new Set(ids)] };
}
