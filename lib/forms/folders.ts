// forms/ mirrors processes/: an item's forms in forms/items/<item-key>/, a 一件事's in
// forms/bundles/<bundle-key>/ (the steps every bundle shares in forms/bundles/shared/), a
// building block's in forms/blocks/<block>/, a service process's in forms/services/<key>/.
// A form's id is <folder name>-<step> (forms/items/food-business-licence/start.form:
// food-business-licence-start); processes refer to forms by id, so the folders are for people.
export const FORM_FOLDERS = { items: 'forms/items', bundles: 'forms/bundles', blocks: 'forms/blocks', services: 'forms/services' } as const;

export type FormFolder = keyof typeof FORM_FOLDERS;

/**
 * The id a form file must have: `<folder>-<step>`; the steps every bundle shares
 * (forms/bundles/shared/accept.form) are `bundle-<step>`. Undefined for a path of another shape.
 */
export function formIdOf(path: string): string | undefined {
  const match = /^forms\/([a-z0-9-]+)\/([a-z0-9-]+)\/([a-z0-9-]+)\.form$/.exec(path);
  if (!match || !(match[1]! in FORM_FOLDERS)) return undefined;
  const [, kind, folder, step] = match;
  return `${kind === 'bundles' && folder === 'shared' ? 'bundle' : folder}-${step}`;
}

/** The front-desk start form of an item or a bundle, relative to the project root. */
export const startFormPath = (folder: 'items' | 'bundles', key: string): string => `${FORM_FOLDERS[folder]}/${key}/start.form`;
