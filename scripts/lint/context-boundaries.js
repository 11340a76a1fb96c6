// Glimpse's rooms are the browser's contexts (src/background, src/offscreen, src/content,
// src/popup, src/camera) plus src/shared. A room imports only itself and src/shared; src/shared
// imports only itself; product code never imports tests or scripts. The exceptions are named here.
import { dirname, relative, resolve, sep } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/** Allowed imports across rooms, each with its reason. */
const EXCEPTIONS = [
  {
    from: 'src/background/engine-host.firefox.ts',
    to: 'offscreen',
    why: 'Firefox has no offscreen documents: its background page hosts the engine itself',
  },
  {
    from: 'src/background/dev-tools.firefox.ts',
    to: 'offscreen',
    why: "the same, for the development tools' requests to that engine",
  },
];

/** The room a file lives in ('shared', 'content', …), 'tests'/'scripts', or undefined outside them. */
function roomOf(file) {
  const parts = relative(ROOT, file).split(sep);
  if (parts[0] === 'src' && parts.length > 2) return parts[1];
  if (parts[0] === 'tests' || parts[0] === 'scripts' || parts[0] === 'harness') return parts[0];
  return undefined;
}

function allowed(fromFile, fromRoom, toRoom) {
  if (fromRoom === toRoom || toRoom === undefined) return true;
  // Tests and scripts drive the product from outside: they may import any of it (and tests the
  // scripts they test), but a script never leans on the tests (the browser harness is in harness/).
  if (fromRoom === 'tests') return true;
  if (fromRoom === 'scripts' || fromRoom === 'harness') return toRoom !== 'tests';
  if (toRoom === 'shared') return true;
  const path = relative(ROOT, fromFile).split(sep).join('/');
  return EXCEPTIONS.some((e) => e.from === path && e.to === toRoom);
}

const nameOf = (room) => (['tests', 'scripts', 'harness'].includes(room) ? room : `src/${room}`);

/** @type {import('eslint').Rule.RuleModule} */
export const contextBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'each browser context imports only itself and src/shared' },
    schema: [],
    messages: {
      crossing: "{{from}} may not import from {{to}} ('{{source}}'): a context imports only itself and src/shared (exceptions: scripts/lint/context-boundaries.js)",
    },
  },
  create(context) {
    const file = context.filename;
    const fromRoom = roomOf(file);
    if (fromRoom === undefined) return {};
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const toRoom = roomOf(resolve(dirname(file), source));
      if (!allowed(file, fromRoom, toRoom)) {
        context.report({ node, messageId: 'crossing', data: { from: nameOf(fromRoom), to: nameOf(toRoom), source } });
      }
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};
