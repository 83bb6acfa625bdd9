import { readFileSync } from 'node:fs';
import ts from 'typescript';

/**
 * The schema's field documentation lives in doc comments next to each field (the house style),
 * not in zod `.meta()` calls. So editors can show it on hover, it is read from the source with
 * the TypeScript parser: for every `z.object({ … })` literal, each field's doc comment.
 */
export interface ObjectDocs {
  /** The object's field names, sorted: how a JSON Schema object is matched to its source. */
  keys: string[];
  /** Field name → its doc comment. */
  docs: Map<string, string>;
}

export function readObjectDocs(sourceFile: string): ObjectDocs[] {
  const source = ts.createSourceFile(sourceFile, readFileSync(sourceFile, 'utf8'), ts.ScriptTarget.Latest, true);
  const objects: ObjectDocs[] = [];
  const visit = (node: ts.Node): void => {
    if (isZodObjectCall(node)) {
      const literal = node.arguments[0] as ts.ObjectLiteralExpression;
      const docs = new Map<string, string>();
      const keys: string[] = [];
      for (const property of literal.properties) {
        if (!property.name || !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) continue;
        keys.push(property.name.text);
        const text = docCommentOf(property);
        if (text) docs.set(property.name.text, text);
      }
      objects.push({ keys: keys.sort(), docs });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return objects;
}

function isZodObjectCall(node: ts.Node): node is ts.CallExpression {
  return (
    ts.isCallExpression(node) &&
    ts.isPropertyAccessExpression(node.expression) &&
    node.expression.name.text === 'object' &&
    ts.isIdentifier(node.expression.expression) &&
    node.expression.expression.text === 'z' &&
    node.arguments.length > 0 &&
    ts.isObjectLiteralExpression(node.arguments[0]!)
  );
}

function docCommentOf(node: ts.Node): string | undefined {
  const texts = ts
    .getJSDocCommentsAndTags(node)
    .filter(ts.isJSDoc)
    .map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? '')
    .filter((text) => text.length > 0);
  return texts.length > 0 ? texts.join('\n').replace(/\s*\n\s*/g, ' ') : undefined;
}

type JsonObject = Record<string, unknown>;

/**
 * Adds `description` to every property of every object in a JSON Schema whose set of keys
 * matches a documented `z.object` literal. Returns a new schema; the input is left as is.
 */
export function withDescriptions(schema: JsonObject, objects: readonly ObjectDocs[]): JsonObject {
  const byKeys = new Map(objects.map((object) => [object.keys.join('\u0000'), object.docs]));
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (value === null || typeof value !== 'object') return value;
    const node = Object.fromEntries(Object.entries(value).map(([key, child]) => [key, walk(child)])) as JsonObject;
    const properties = node['properties'];
    if (properties && typeof properties === 'object' && !Array.isArray(properties)) {
      const docs = byKeys.get(Object.keys(properties).sort().join('\u0000'));
      if (docs) {
        node['properties'] = Object.fromEntries(
          Object.entries(properties).map(([key, child]) => {
            const description = docs.get(key);
            return [key, description ? { description, ...(child as JsonObject) } : child];
          }),
        );
      }
    }
    return node;
  };
  return walk(schema) as JsonObject;
}
