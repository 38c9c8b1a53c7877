// A strict well-formedness check for the XML the JUnit report writes (no XML parser is installed):
// elements, attributes, text, the five entities and character references. Throws on anything else.

export interface XmlElement {
    name: string;
    attributes: Record<string, string>;
    children: XmlElement[];
    text: string;
}

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(raw: string, at: number): string {
    if (/[<]/.test(raw)) throw new Error(`"<" in text or attribute near offset ${at}`);
    return raw.replace(/&([^;]*);?/g, (whole, name: string) => {
        if (!whole.endsWith(";")) throw new Error(`unterminated entity near offset ${at}`);
        if (name in entities) return entities[name];
        const code = /^#x([0-9a-f]+)$/i.exec(name) ? parseInt(name.slice(2), 16) : /^#(\d+)$/.exec(name) ? Number(name.slice(1)) : NaN;
        if (Number.isNaN(code)) throw new Error(`unknown entity &${name}; near offset ${at}`);
        return String.fromCodePoint(code);
    });
}

export function parseXml(xml: string): XmlElement {
    let i = 0;
    const fail = (why: string): never => {
        throw new Error(`${why} at offset ${i}: ${JSON.stringify(xml.slice(i, i + 40))}`);
    };
    if (xml.startsWith("<?xml")) i = xml.indexOf("?>") + 2;
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(xml)) fail("a control character XML 1.0 forbids");
    const skipSpace = () => {
        while (/\s/.test(xml[i] ?? "")) i++;
    };
    const element = (): XmlElement => {
        if (xml[i] !== "<") fail("expected an element");
        const name = /^<([A-Za-z_][\w.-]*)/.exec(xml.slice(i))?.[1] ?? fail("bad element name");
        i += name.length + 1;
        const attributes: Record<string, string> = {};
        for (;;) {
            skipSpace();
            if (xml.startsWith("/>", i)) return (i += 2), { name, attributes, children: [], text: "" };
            if (xml[i] === ">") break;
            const attr = /^([A-Za-z_][\w.-]*)="([^"]*)"/.exec(xml.slice(i)) ?? fail("bad attribute");
            if (attr[1] in attributes) fail(`duplicate attribute ${attr[1]}`);
            attributes[attr[1]] = decode(attr[2], i);
            i += attr[0].length;
        }
        i++;
        const children: XmlElement[] = [];
        let text = "";
        for (;;) {
            const next = xml.indexOf("<", i);
            if (next < 0) fail(`unclosed <${name}>`);
            text += decode(xml.slice(i, next), i);
            i = next;
            if (xml.startsWith(`</${name}>`, i)) return (i += name.length + 3), { name, attributes, children, text };
            if (xml.startsWith("</", i)) fail(`mismatched end tag inside <${name}>`);
            children.push(element());
        }
    };
    skipSpace();
    const root = element();
    skipSpace();
    if (i !== xml.length) fail("content after the root element");
    return root;
}
