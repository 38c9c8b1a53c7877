// Strings the engine's protocol can carry. A proto3 string is UTF-8, which has no lone surrogates: Go's
// protobuf refuses to marshal one and its JSON decoder turns "\ud800" into U+FFFD, and grpc-js cannot put
// one in a status message (its encodeURI throws).

const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** At most `max` characters of the text, then how long it was; well-formed either way. */
export function shortened(text: string, max: number): string {
    return wellFormed(text.length > max ? `${text.slice(0, max)}... (${text.length} characters)` : text);
}

/** The text with each lone surrogate replaced by U+FFFD, as the engine would deliver it. */
export function wellFormed(text: string): string {
    const native = (text as { isWellFormed?(): boolean }).isWellFormed;
    if (native ? native.call(text) : !text.match(loneSurrogate)) return text;
    return text.replace(loneSurrogate, "\ufffd");
}
