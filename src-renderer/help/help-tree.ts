// The authoring tree as the Help center screen lists it: products in their order, each product's sections in theirs,
// each section's articles by title. The server answers flat lists (products, sections, articles); this nests them.
import type { HelpArticleSummary, HelpProduct, HelpSection, HelpTree } from '../../src-shared/help-center';

export interface HelpTreeSection {
  section: HelpSection;
  articles: HelpArticleSummary[];
}
export interface HelpTreeProduct {
  product: HelpProduct;
  sections: HelpTreeSection[];
}

const byPosition = (a: { position: number }, b: { position: number }) => a.position - b.position;
const byTitle = (a: HelpArticleSummary, b: HelpArticleSummary) => a.title.localeCompare(b.title, undefined, { sensitivity: 'base' }) || a.slug.localeCompare(b.slug);

export function nestHelpTree(tree: HelpTree): HelpTreeProduct[] {
  const articles = new Map<string, HelpArticleSummary[]>();
  for (const a of tree.articles) articles.set(a.sectionId, [...(articles.get(a.sectionId) ?? []), a]);
  const sections = new Map<string, HelpSection[]>();
  for (const s of tree.sections) sections.set(s.productId, [...(sections.get(s.productId) ?? []), s]);
  return [...tree.products].sort(byPosition).map((product) => ({
    product,
    sections: [...(sections.get(product.id) ?? [])].sort(byPosition).map((section) => ({ section, articles: [...(articles.get(section.id) ?? [])].sort(byTitle) })),
  }));
}

/** Where an article sits, for the editor's breadcrumb: "Lumina › FAQs". */
export function articlePlace(tree: HelpTree, sectionId: string): string {
  const section = tree.sections.find((s) => s.id === sectionId);
  if (!section) return '';
  const product = tree.products.find((p) => p.id === section.productId);
  return product ? `${product.name} › ${section.title}` : section.title;
}
