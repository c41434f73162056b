import { validateRichText } from '@newsroom/schema';
import { type FieldHook, type SanitizedConfig, ValidationError } from 'payload';

type Targets = { uploadCollections: string[]; relationshipCollections: string[]; linkCollections: string[] };

const targetsByConfig = new WeakMap<SanitizedConfig, Targets>();

/**
 * The collections the default editor lets a body point at, as Payload's link, relationship and upload features pick
 * them: shown in the admin, and not opted out with `admin.enableRichTextLink` / `enableRichTextRelationship`.
 */
function richTextTargets(config: SanitizedConfig): Targets {
  let targets = targetsByConfig.get(config);
  if (!targets) {
    const shown = config.collections.filter(({ slug, admin }) => !slug.startsWith('payload-') && admin?.hidden !== true);
    targets = {
      uploadCollections: shown.filter((c) => c.upload && c.admin?.enableRichTextRelationship !== false).map((c) => c.slug),
      relationshipCollections: shown.filter((c) => !c.upload && c.admin?.enableRichTextRelationship !== false).map((c) => c.slug),
      linkCollections: shown.filter((c) => c.admin?.enableRichTextLink !== false).map((c) => c.slug),
    };
    targetsByConfig.set(config, targets);
  }
  return targets;
}

/**
 * Refuses a body the editor could not have produced — node types it does not offer, fields it never writes, link
 * URLs other than http(s), mailto, site paths and fragments, trees too deep or too large — on every save: drafts and
 * autosaves too, which skip field validation. A `beforeValidate` hook runs for all of them, before Payload's own
 * rich-text hooks walk the tree. The message names the node: "body.root.children[3].children[0]: link url scheme
 * "javascript:" is not allowed".
 */
export const validateBody: FieldHook = ({ value, path, collection, req }) => {
  // No body yet: whether one is required is the field's own rule, checked on publish.
  if (value === undefined || value === null) return value;
  const fieldPath = path.length > 0 ? path.join('.') : 'body';
  const result = validateRichText(value, { path: fieldPath, ...richTextTargets(req.payload.config) });
  if (!result.ok) {
    throw new ValidationError({ collection: collection?.slug, errors: [{ path: fieldPath, message: result.message }], req });
  }
  return value;
};
