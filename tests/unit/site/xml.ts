/** A strict XML reader for the feed tests: saxes rejects anything not well-formed, namespaces resolved. */
import { SaxesParser } from 'saxes';

export interface XmlElement {
  /** Local name, without a prefix. */
  name: string;
  namespace: string;
  /** By qualified name as written: "href", "xml:lang". */
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** Throws with saxes' message (line and column) at the first well-formedness error. */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const [name, attribute] of Object.entries(tag.attributes)) attributes[name] = attribute.value;
    const element: XmlElement = { name: tag.local, namespace: tag.uri, attributes, children: [], text: '' };
    stack[stack.length - 1]?.children.push(element);
    stack.push(element);
    root ??= element;
  });
  parser.on('text', (text) => {
    const current = stack[stack.length - 1];
    if (current !== undefined) current.text += text;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(xml).close();
  if (root === null) throw new Error('no root element');
  return root;
}

export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

export function childNamed(element: XmlElement, name: string): XmlElement {
  const [child] = childrenNamed(element, name);
  if (child === undefined) throw new Error(`<${element.name}> has no <${name}>`);
  return child;
}

/** The text of a child element, or undefined when there is none. */
export function textOf(element: XmlElement, name: string): string | undefined {
  return childrenNamed(element, name)[0]?.text;
}

/** Every element in document order, the root included. */
export function allElements(element: XmlElement): XmlElement[] {
  return [element, ...element.children.flatMap(allElements)];
}
