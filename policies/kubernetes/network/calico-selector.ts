// Calico's selector expressions (`all()`, `app == 'web'`, `has(tier)`, `env in {'a', 'b'}`, `!`, `&&`,
// `||`, parentheses), parsed into a predicate over labels. An expression Calico would reject matches nothing.
// https://docs.tigera.io/calico/latest/reference/resources/networkpolicy#selectors
export type LabelPredicate = (labels: Record<string, string>) => boolean;

const tokenPattern = /\s*(all\(\)|global\(\)|has\(\s*[^)\s]+\s*\)|&&|\|\||==|!=|!|\(|\)|\{|\}|,|"[^"]*"|'[^']*'|not\s+in\b|in\b|contains\b|starts\s+with\b|ends\s+with\b|[A-Za-z0-9_./-]+)/y;

function tokenize(text: string): string[] | undefined {
    const tokens: string[] = [];
    tokenPattern.lastIndex = 0;
    while (tokenPattern.lastIndex < text.length) {
        if (/^\s*$/.test(text.slice(tokenPattern.lastIndex))) break;
        const m = tokenPattern.exec(text);
        if (!m) return undefined;
        tokens.push(m[1].replace(/\s+/g, " "));
    }
    return tokens;
}

const unquote = (t: string | undefined) => (t && /^(["']).*\1$/.test(t) ? t.slice(1, -1) : undefined);

/** Parses a selector; undefined when it is not valid. An empty selector selects everything. */
export function parseCalicoSelector(text: string): LabelPredicate | undefined {
    const tokens = tokenize(text);
    if (!tokens) return undefined;
    if (tokens.length === 0) return () => true;
    let i = 0;
    const fail = (): never => {
        throw new SyntaxError("selector");
    };
    const or = (): LabelPredicate => {
        let left = and();
        while (tokens[i] === "||") {
            i++;
            const l = left, r = and();
            left = (labels) => l(labels) || r(labels);
        }
        return left;
    };
    const and = (): LabelPredicate => {
        let left = unary();
        while (tokens[i] === "&&") {
            i++;
            const l = left, r = unary();
            left = (labels) => l(labels) && r(labels);
        }
        return left;
    };
    const unary = (): LabelPredicate => {
        const t = tokens[i++];
        if (t === undefined) return fail();
        if (t === "!") {
            const inner = unary();
            return (labels) => !inner(labels);
        }
        if (t === "(") {
            const inner = or();
            if (tokens[i++] !== ")") fail();
            return inner;
        }
        if (t === "all()") return () => true;
        if (t === "global()") return () => false; // matches only non-namespaced resources
        const has = t.match(/^has\(\s*(\S+?)\s*\)$/);
        if (has) return (labels) => Object.prototype.hasOwnProperty.call(labels, has[1]);
        if (!/^[A-Za-z0-9_./-]+$/.test(t)) return fail();
        const key = t;
        const op = tokens[i++];
        const value = (labels: Record<string, string>) => (Object.prototype.hasOwnProperty.call(labels, key) ? labels[key] : undefined);
        if (op === "in" || op === "not in") {
            if (tokens[i++] !== "{") fail();
            const set: string[] = [];
            while (tokens[i] !== "}") {
                const v = unquote(tokens[i++]);
                if (v === undefined) fail();
                set.push(v!);
                if (tokens[i] === ",") i++;
            }
            i++;
            return op === "in" ? (labels) => set.includes(value(labels) ?? "\u0000") : (labels) => !set.includes(value(labels) ?? "\u0000");
        }
        const literal = unquote(tokens[i++]);
        if (literal === undefined) return fail();
        switch (op) {
            case "==":
                return (labels) => value(labels) === literal;
            case "!=":
                return (labels) => value(labels) !== literal;
            case "contains":
                return (labels) => value(labels)?.includes(literal) ?? false;
            case "starts with":
                return (labels) => value(labels)?.startsWith(literal) ?? false;
            case "ends with":
                return (labels) => value(labels)?.endsWith(literal) ?? false;
            default:
                return fail();
        }
    };
    try {
        const predicate = or();
        return i === tokens.length ? predicate : undefined;
    } catch {
        return undefined;
    }
}
