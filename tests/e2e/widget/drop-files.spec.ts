// Customers attach files by dropping them: on a Drop Box card or anywhere on the chat window (into the open Drop Box),
// with the same checks as Browse…, a "Drop to upload" highlight while dragging and a clear refusal when a drop cannot
// go anywhere; the comment page takes dropped files too. Images show as thumbnails for the customer and, through the
// console core, in the specialist's transcript. Screenshots (1366×850 and 390×844) go to test-artifacts/widget/.
import { expect, test, type Browser, type JSHandle, type Locator, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { MAX_UPLOAD_BYTES } from '../../../src-shared/limits';
import type { EmailRequestReceipt } from '../../../src-shared/protocol/http';
import { smtpSink, type SmtpSink } from '../../support/smtp-sink';
import type { TestServer } from '../../support/start-server';
import { DANA, artifacts, signInToNewConsole, startSupportServer, type ConsoleHost } from '../console/console-stack';
import { WIDGET_DIR, fillContactForm, shot, watchCsp } from './support-page';

const DESKTOP = { width: 1366, height: 850 };
const PHONE = { width: 390, height: 844 };

let server: TestServer;
let sink: SmtpSink;
const hosts: ConsoleHost[] = [];

test.beforeEach(async () => {
  sink = await smtpSink();
  // Technical lets specialists pick from the queue, so the customer waits until the console accepts.
  server = await startSupportServer(['technical'], { smtpUrl: sink.url, env: { WIDGET_DIR } });
});

test.afterEach(async ({ page }) => {
  await page.close();
  for (const h of hosts.splice(0)) await h.stop();
  await server.stop();
  await sink.close();
});

/** What a dropped file is: a drawn PNG (a real picture for the thumbnails), text, or `size` zero bytes. */
type FileSpec = { name: string; type: string } & ({ image: { width: number; height: number } } | { text: string } | { size: number });

/** A DataTransfer holding `files`, built in the page as a drag from the desktop would bring them. */
function dataTransfer(page: Page, files: FileSpec[]): Promise<JSHandle<DataTransfer>> {
  return page.evaluateHandle(async (specs) => {
    const dt = new DataTransfer();
    for (const spec of specs) {
      let body: BlobPart;
      if ('image' in spec) {
        const canvas = new OffscreenCanvas(spec.image.width, spec.image.height);
        const g = canvas.getContext('2d')!;
        const sky = g.createLinearGradient(0, 0, 0, spec.image.height);
        sky.addColorStop(0, '#1456b8');
        sky.addColorStop(1, '#9db7e0');
        g.fillStyle = sky;
        g.fillRect(0, 0, spec.image.width, spec.image.height);
        g.fillStyle = '#ffffff';
        g.fillRect(spec.image.width * 0.1, spec.image.height * 0.2, spec.image.width * 0.8, spec.image.height * 0.5);
        g.fillStyle = '#b42318';
        g.font = `bold ${Math.round(spec.image.height / 8)}px sans-serif`;
        g.fillText('Error 0x80070005', spec.image.width * 0.15, spec.image.height * 0.5);
        body = await canvas.convertToBlob({ type: 'image/png' });
      } else if ('text' in spec) body = spec.text;
      else body = new Uint8Array(spec.size);
      dt.items.add(new File([body], spec.name, { type: spec.type }));
    }
    return dt;
  }, files);
}

/** Drags `dt` onto `target` (enter and over: the highlight shows) without dropping. */
async function dragOver(target: Locator, dt: JSHandle<DataTransfer>): Promise<void> {
  await target.dispatchEvent('dragenter', { dataTransfer: dt });
  await target.dispatchEvent('dragover', { dataTransfer: dt });
}

async function drop(target: Locator, dt: JSHandle<DataTransfer>): Promise<void> {
  await dragOver(target, dt);
  await target.dispatchEvent('drop', { dataTransfer: dt });
}

/** The image really decoded, at its own size (not a broken or placeholder image). */
async function expectDecoded(img: Locator, width: number): Promise<void> {
  await expect(img).toBeVisible();
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(width);
}

async function openConsole(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const consolePage = await context.newPage();
  await signInToNewConsole(consolePage, server.url, DANA, hosts);
  return consolePage;
}

test('files dropped on the Drop Box card and on the chat window are uploaded and reach the specialist; images show as thumbnails on both sides', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const cspRefusals = watchCsp(page);
  await page.setViewportSize(DESKTOP);
  const specialist = await openConsole(browser);

  await page.goto(`${server.url}/support`);
  await fillContactForm(page, { email: 'ana@example.com', department: 'technical', question: 'The player shows an error.' });
  await page.getByRole('button', { name: 'CHAT WITH US' }).click();
  await expect(page.getByTestId('waiting')).toContainText('Just a moment');

  await specialist.getByTestId('waiting-row').filter({ hasText: 'ana@example.com' }).getByRole('button', { name: /Accept/ }).click();
  const pane = specialist.getByTestId('chat-pane').filter({ hasText: 'ana@example.com' });
  await expect(pane).toBeVisible();
  await expect(page.getByTestId('specialist-name')).toBeVisible();

  const chatWindow = page.getByTestId('chat-window');
  const screenshot = await dataTransfer(page, [{ name: 'player-error.png', type: 'image/png', image: { width: 320, height: 200 } }]);

  await test.step('with no Drop Box open, a drop is refused and says why', async () => {
    await dragOver(page.locator('.sb-scroller'), screenshot);
    await expect(page.getByTestId('drop-banner')).toContainText('Files can only be sent into a Drop Box');
    await shot(page, 'drop-01-no-drop-box-dragging');
    await page.locator('.sb-scroller').dispatchEvent('drop', { dataTransfer: screenshot });
    await expect(page.getByTestId('drop-banner')).toHaveCount(0);
    await expect(page.getByTestId('drop-error')).toContainText('Ask the specialist to open one');
  });

  const insertDropBox = async (label: string) => {
    await pane.getByRole('button', { name: 'Drop Box' }).click();
    await specialist.getByRole('dialog', { name: 'Insert a Drop Box' }).getByLabel('What should the visitor upload?').fill(label);
    await specialist.getByRole('button', { name: 'Insert Drop Box' }).click();
    const card = page.getByTestId('drop-box').filter({ hasText: label });
    await expect(card.getByText('Browse…')).toBeVisible();
    return card;
  };

  await test.step('a screenshot dropped on the Drop Box card is uploaded and shown as a thumbnail on both sides', async () => {
    const card = await insertDropBox('A screenshot of the error');
    await expect(page.getByTestId('drop-error')).toHaveCount(0);
    await dragOver(card, screenshot);
    await expect(page.getByTestId('drop-banner')).toContainText('Drop to upload');
    await expect(page.getByTestId('drop-banner')).toContainText('A screenshot of the error');
    await expect(card.getByTestId('drop-here')).toHaveText('Drop to upload');
    await shot(page, 'drop-02-drag-over-drop-box');
    await page.setViewportSize(PHONE);
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'drop-02-drag-over-drop-box-phone');
    await page.setViewportSize(DESKTOP);

    await card.dispatchEvent('drop', { dataTransfer: screenshot });
    await expect(card.getByTestId('drop-here')).toHaveCount(0);
    await expect(card.getByTestId('attachment')).toContainText('player-error.png');
    const thumb = card.getByTestId('thumbnail-image');
    await expectDecoded(thumb, 320);
    await expect(thumb).toHaveAttribute('src', /^blob:/);
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'drop-03-thumbnail');

    // The specialist: the file in the Drop Box strip and the picture in the transcript, from a data: URL of the core.
    await expect(pane.getByTestId('dropboxes')).toContainText('player-error.png');
    const consoleThumb = pane.getByTestId('transcript').getByTestId('thumbnail-image');
    await expectDecoded(consoleThumb, 320);
    await expect(consoleThumb).toHaveAttribute('src', /^data:image\/png;base64,/);
    await specialist.screenshot({ path: `${artifacts}/drop-thumbnail-transcript.png` });
  });

  await test.step('on the chat window a drop goes to the open Drop Box, checked like Browse…', async () => {
    const card = await insertDropBox('Your player log, please');
    await drop(page.locator('.sb-scroller'), await dataTransfer(page, [{ name: 'recording.png', type: 'image/png', size: MAX_UPLOAD_BYTES + 1 }]));
    await expect(card.getByTestId('upload-error')).toContainText('Files can be at most 10 MB');
    await drop(page.locator('.sb-scroller'), await dataTransfer(page, [{ name: 'setup.exe', type: 'application/x-msdownload', size: 2048 }]));
    await expect(card.getByTestId('upload-error')).toContainText("“setup.exe” can't be sent");
    await drop(
      page.locator('.sb-scroller'),
      await dataTransfer(page, [
        { name: 'a.txt', type: 'text/plain', text: 'one' },
        { name: 'b.txt', type: 'text/plain', text: 'two' },
      ]),
    );
    await expect(card.getByTestId('upload-error')).toContainText('A Drop Box takes one file');
    await shot(page, 'drop-04-refused');
    // Browse… (keyboard and pointer) goes through the same checks.
    await card.locator('input[type=file]').setInputFiles({ name: 'run.bat', mimeType: 'application/x-msdos-program', buffer: Buffer.from('@echo off') });
    await expect(card.getByTestId('upload-error')).toContainText("“run.bat” can't be sent");

    await drop(chatWindow.locator('.sb-chat-footer'), await dataTransfer(page, [{ name: 'player-log.txt', type: 'text/plain', text: 'buffering at 00:14\n' }]));
    await expect(card.getByTestId('attachment')).toContainText('player-log.txt');
    await expect(card.getByTestId('upload-error')).toHaveCount(0);
    // Not an image: a file chip, no thumbnail, on either side.
    await expect(card.getByTestId('thumbnail')).toHaveCount(0);
    await expect(pane.getByTestId('dropboxes')).toContainText('player-log.txt');
    await expect(pane.getByTestId('transcript')).toContainText('player-log.txt');
    await expect(pane.getByTestId('transcript').getByTestId('thumbnail')).toHaveCount(1);
  });

  await test.step('the thumbnails at phone width', async () => {
    await page.setViewportSize(PHONE);
    await page.getByTestId('drop-box').first().scrollIntoViewIfNeeded();
    await shot(page, 'drop-05-thumbnail-phone');
  });

  expect(cspRefusals()).toEqual([]);
  await specialist.context().close();
});

test('the comment page takes dropped files and shows images as thumbnails', async ({ page }) => {
  const cspRefusals = watchCsp(page);
  const res = await server.http<EmailRequestReceipt>('POST', '/api/email-requests', {
    clientId: randomUUID(),
    email: 'pat@example.com',
    departmentId: 'technical',
    question: 'The player shows an error.',
  });
  if (!res.body.ok) throw new Error(res.body.error.message);
  const mail = await sink.waitFor((m) => m.to.includes('pat@example.com'));
  const link = /(http\S+\/comment\/\d+\?sig=\S+)/.exec(mail.text)?.[1];
  if (!link) throw new Error('no comment link in the mail');

  for (const viewport of [DESKTOP, PHONE]) {
    await page.setViewportSize(viewport);
    await page.goto(link);
    const form = page.getByTestId('comment-form');
    await expect(form).toBeVisible();
    const files = await dataTransfer(page, [
      { name: 'screen.png', type: 'image/png', image: { width: 400, height: 300 } },
      { name: 'notes.txt', type: 'text/plain', text: 'steps to reproduce' },
      { name: 'tool.exe', type: 'application/x-msdownload', size: 100 },
    ]);
    await dragOver(form.getByLabel('Your comment'), files);
    await expect(page.getByTestId('drop-here')).toHaveText('Drop to upload');
    await page.getByTestId('comment-files').scrollIntoViewIfNeeded();
    await shot(page, `drop-06-comment-dragging-${viewport.width}`);
    await form.getByLabel('Your comment').dispatchEvent('drop', { dataTransfer: files });
    await expect(page.getByTestId('drop-here')).toHaveCount(0);
    await expect(page.getByTestId('comment-file')).toHaveCount(2);
    await expect(page.getByTestId('comment-file').filter({ hasText: 'screen.png' })).toContainText('ready to send');
    await expect(page.getByTestId('comment-file').filter({ hasText: 'notes.txt' })).toContainText('ready to send');
    await expect(page.getByTestId('comment-file-error')).toContainText("“tool.exe” can't be sent");

    await form.getByLabel('Your comment').fill(`Here is what I see (${viewport.width}).`);
    await page.getByRole('button', { name: 'ADD COMMENT' }).click();
    await expect(page.getByTestId('comment-sent')).toContainText('with 2 files');
    const entry = page.getByTestId('transcript').locator('li').filter({ hasText: `Here is what I see (${viewport.width}).` });
    const thumb = entry.getByTestId('thumbnail-image');
    await expectDecoded(thumb, 400);
    await expect(entry.getByTestId('thumbnail')).toHaveCount(1);
    await entry.scrollIntoViewIfNeeded();
    await shot(page, `drop-07-comment-thumbnail-${viewport.width}`);
  }
  expect(cspRefusals()).toEqual([]);
});
