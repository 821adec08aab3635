// Puts the form editor's English words (zh/form-editor.ts) into Chinese on the page: its texts,
// placeholders and titles, now and whenever it re-renders. Only exact words of the editor are
// replaced; what an analyst types (labels, keys, values) is never touched.
import { FORM_EDITOR_ZH } from './zh/form-editor.js';

const ATTRIBUTES = ['placeholder', 'title', 'aria-label'];

/** the same English word meaning something else in one place: a select's empty display is not the palette's 下拉选择 */
const IN_PLACE: Array<[selector: string, english: string, chinese: string]> = [['.fjs-select-placeholder', 'Select', '请选择']];

function chineseFor(node: Text, trimmed: string): string | undefined {
  const special = IN_PLACE.find(([selector, english]) => english === trimmed && node.parentElement?.closest(selector));
  return special ? special[2] : FORM_EDITOR_ZH[trimmed];
}

function translateText(node: Text): void {
  const text = node.data;
  const trimmed = text.trim();
  const chinese = trimmed && chineseFor(node, trimmed);
  // only a real change: writing the same text again would wake the observer for ever (ID → ID)
  if (chinese && chinese !== trimmed) node.data = text.replace(trimmed, chinese);
}

function translateElement(element: Element): void {
  for (const name of ATTRIBUTES) {
    const value = element.getAttribute(name);
    const chinese = value && FORM_EDITOR_ZH[value.trim()];
    if (chinese && chinese !== value) element.setAttribute(name, chinese);
  }
}

function translateTree(root: Node): void {
  if (root instanceof Text) return translateText(root);
  if (!(root instanceof Element)) return;
  translateElement(root);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node instanceof Text) translateText(node);
    else if (node instanceof Element) translateElement(node);
  }
}

/** Keeps the container (the form editor) in Chinese from now on. */
export function speakChinese(container: HTMLElement): void {
  translateTree(container);
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'characterData') translateText(mutation.target as Text);
      else if (mutation.type === 'attributes') translateElement(mutation.target as Element);
      else mutation.addedNodes.forEach(translateTree);
    }
  }).observe(container, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ATTRIBUTES });
}
