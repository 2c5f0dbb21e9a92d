// One reference page per entry (docs/reference/api/<entry>.md), rendered from the API Extractor
// model: every export with its signature and TSDoc, and every member of its classes, interfaces
// and namespaces in a table. One page per entry (not one per member) keeps the site small enough
// for the site test to check every page in Chromium.
import {ApiDocumentedItem, ApiItemKind, ApiModel} from '@microsoft/api-extractor-model';

const KIND = {
  Class: 'class',
  Interface: 'interface',
  Function: 'function',
  TypeAlias: 'type',
  Variable: 'const',
  Namespace: 'namespace',
  Enum: 'enum',
};

/** Text outside code: markdown and Vue must not read `<`, `{{` or `|` as their own. */
const text = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\{\{/g, '{&#8203;{');
const code = (s) => {
  const ticks = s.includes('`') ? '``' : '`';
  return `${ticks}${s.replace(/\s+/g, ' ').trim()}${ticks}`;
};
const cell = (s) => s.replace(/\n+/g, ' ').replace(/\|/g, '\\|').trim();

/** TSDoc nodes as markdown. */
function render(node) {
  if (!node) return '';
  switch (node.kind) {
    case 'PlainText':
      return text(node.text);
    case 'EscapedText':
      return text(node.decodedText);
    case 'SoftBreak':
      return ' ';
    case 'CodeSpan':
      return code(node.code);
    case 'FencedCode':
      return `\n\`\`\`${node.language || 'ts'}\n${node.code.trimEnd()}\n\`\`\`\n\n`;
    case 'LinkTag':
      return node.linkText
        ? text(node.linkText)
        : code(
            node.codeDestination?.memberReferences.map((r) => r.memberIdentifier?.identifier).join('.') ??
              node.urlDestination ??
              '',
          );
    case 'HtmlStartTag':
    case 'HtmlEndTag':
      return code(node.emitAsHtml());
    case 'ErrorText':
      return text(node.text);
    case 'Paragraph':
      return `${node.getChildNodes().map(render).join('').trim()}\n\n`;
    default:
      return node.getChildNodes().map(render).join('');
  }
}

const docs = (item) => (item instanceof ApiDocumentedItem ? item.tsdocComment : undefined);
const summary = (item) => render(docs(item)?.summarySection).trim();
const block = (item, tag) =>
  docs(item)
    ?.customBlocks.filter((b) => b.blockTag.tagName === tag)
    .map((b) => render(b.content).trim()) ?? [];
const signature = (item) => item.excerpt?.text?.trim() ?? '';

/** A member's row: its name, its type or signature, what it is for. */
function row(member) {
  const name = member.displayName + (member.isOptional ? '?' : '');
  const type = member.propertyTypeExcerpt?.text ?? signature(member);
  const defaults = block(member, '@defaultValue');
  const said = [summary(member), ...defaults.map((d) => `Default: ${d}`)].filter(Boolean).join(' ');
  return `| ${code(name)} | ${cell(code(type))} | ${cell(said || '—')} |`;
}

/** One export's section; an overloaded function is one section with every signature. */
function section(overloads) {
  const item = overloads[0];
  const kind = KIND[item.kind] ?? item.kind.toLowerCase();
  const lines = [`## ${item.displayName} {#${item.displayName}}`, '', `*${kind}*`, ''];
  const said = summary(item);
  if (said) lines.push(said, '');
  const sigs = overloads.map(signature).filter(Boolean);
  if (sigs.length) lines.push('```ts', ...sigs, '```', '');
  const remarks = render(docs(item)?.remarksBlock?.content).trim();
  if (remarks) lines.push(remarks, '');
  const members = item.members?.filter((m) => m.kind !== ApiItemKind.Constructor || signature(m)) ?? [];
  if (members.length) {
    lines.push('| member | type | what it is |', '| --- | --- | --- |');
    for (const m of [...members].sort((a, b) => a.displayName.localeCompare(b.displayName))) lines.push(row(m));
    lines.push('');
  }
  for (const example of block(item, '@example')) lines.push('**Example**', '', example, '');
  return lines.join('\n');
}

/** The export names of a model's entry. */
export const exportNames = (apiJsonPath) =>
  new Set(new ApiModel().loadPackage(apiJsonPath).entryPoints[0].members.map((m) => m.displayName));

/** A re-export documented in full on another entry's page: its kind, and a link there. */
const pointer = (overloads, {entry, page}) => {
  const {displayName: name, kind} = overloads[0];
  return `## ${name} {#${name}}\n\n*${KIND[kind] ?? kind.toLowerCase()}*, from \`${entry}\`: [${name}](${page}#${name}).\n`;
};

/**
 * The markdown of one entry's page. `from` names another entry whose exports this one re-exports
 * (`page-state` re-exports `page-state/core`): those get a line pointing there, not a copy.
 */
export function apiPage(apiJsonPath, {entry, intro, from}) {
  const model = new ApiModel();
  const pkg = model.loadPackage(apiJsonPath);
  const byName = new Map();
  for (const m of pkg.entryPoints[0].members) byName.set(m.displayName, [...(byName.get(m.displayName) ?? []), m]);
  const items = [...byName.values()].sort((a, b) => a[0].displayName.localeCompare(b[0].displayName));
  const render = (overloads) =>
    from?.names.has(overloads[0].displayName) ? pointer(overloads, from) : section(overloads);
  return [
    '---',
    `title: ${entry}`,
    'outline: [2, 2]',
    '---',
    '',
    `<!-- Generated by scripts/docs/reference.mjs from the API Extractor model of ${entry}: edit the TSDoc in the sources, not this file. -->`,
    '',
    `# ${entry}`,
    '',
    intro,
    '',
    `Every export of \`${entry}\` (its API report is \`api/${entry.replace('/', '-')}.api.md\`), from its types and TSDoc.`,
    '',
    ...items.map(render),
  ].join('\n');
}
