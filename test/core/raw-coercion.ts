// Finds coercions of raw props to text outside policies/core: `String(x)` and template-literal `${x}`
// where `x` may be a value from a user's program (its type is not a string, number or boolean, or it is a
// field read from an SDK input type, which the engine does not enforce). Such a value can be an object
// whose `toString` is not a function, and coercing it throws. Uses the TypeScript compiler's type checker.
import * as path from "path";
import * as ts from "typescript";

export interface RawCoercion {
    /** `policies/x.ts:12` */
    where: string;
    /** The expression coerced. */
    text: string;
    why: string;
}

const repoRoot = path.resolve(__dirname, "..", "..", "..");

/** SDK input types: their fields are what a user's program sent, whatever the declared type says. */
const sdkTypeSources = /node_modules\/@pulumi\/(aws|azure-native|gcp|kubernetes|eks|awsx)\//;

const safeFlags =
    ts.TypeFlags.StringLike | ts.TypeFlags.NumberLike | ts.TypeFlags.BooleanLike | ts.TypeFlags.BigIntLike |
    ts.TypeFlags.EnumLike | ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Never;

function isPrimitive(type: ts.Type): boolean {
    if (type.isUnion()) return type.types.every(isPrimitive);
    return (type.flags & safeFlags) !== 0 && (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) === 0;
}

function unwrap(expression: ts.Expression): ts.Expression {
    let e = expression;
    while (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
    return e;
}

/** A field of an SDK input type, read directly (`props.metadata.name`, `spec["hostPID"]`). */
function readsSdkField(checker: ts.TypeChecker, expression: ts.Expression): boolean {
    const e = unwrap(expression);
    if (!ts.isPropertyAccessExpression(e) && !ts.isElementAccessExpression(e)) return false;
    const symbol = checker.getSymbolAtLocation(ts.isPropertyAccessExpression(e) ? e.name : e.argumentExpression) ?? checker.getSymbolAtLocation(e);
    return (symbol?.declarations ?? []).some((d) => sdkTypeSources.test(d.getSourceFile().fileName));
}

/** `x as string` over a value that was not known to be text. */
function assertsText(checker: ts.TypeChecker, expression: ts.Expression): boolean {
    const e = unwrap(expression);
    return (ts.isAsExpression(e) || ts.isTypeAssertionExpression(e)) && !isPrimitive(checker.getTypeAtLocation(e.expression));
}

function judge(checker: ts.TypeChecker, expression: ts.Expression): string | undefined {
    const type = checker.getTypeAtLocation(expression);
    if (!isPrimitive(type)) return `its type is ${checker.typeToString(type)}`;
    if (readsSdkField(checker, expression)) return "it is a field of an SDK input type, which the engine does not enforce";
    if (assertsText(checker, expression)) return "a type assertion makes it look like text";
    return undefined;
}

/** Files judged: the pack, the engine runner and the CLI, except the shared core, which owns the safe readers. */
export function judgedFile(fileName: string): boolean {
    const relative = path.relative(repoRoot, fileName).split(path.sep).join("/");
    return /^(policies|engine|cli)\//.test(relative) && !relative.startsWith("policies/core/") && relative.endsWith(".ts") && !relative.endsWith(".d.ts");
}

/** Every raw coercion in the judged files, and in `extraFiles` (absolute paths) too. */
export function findRawCoercions(extraFiles: readonly string[] = []): RawCoercion[] {
    const configPath = path.join(repoRoot, "tsconfig.json");
    const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
    if (!config) throw new Error("cannot read tsconfig.json");
    const judged = (fileName: string) => judgedFile(fileName) || extraFiles.includes(path.resolve(fileName));
    const roots = [...config.fileNames.filter(judgedFile), ...extraFiles];
    const program = ts.createProgram(roots, { ...config.options, noEmit: true });
    const checker = program.getTypeChecker();
    const found: RawCoercion[] = [];
    for (const source of program.getSourceFiles()) {
        if (!judged(source.fileName)) continue;
        const report = (node: ts.Expression, why: string) => {
            const { line } = source.getLineAndCharacterOfPosition(node.getStart());
            found.push({ where: `${path.relative(repoRoot, source.fileName).split(path.sep).join("/")}:${line + 1}`, text: node.getText(), why });
        };
        const visit = (node: ts.Node): void => {
            if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "String" && node.arguments.length === 1) {
                const why = judge(checker, node.arguments[0]);
                if (why) report(node.arguments[0], why);
            } else if (ts.isTemplateSpan(node)) {
                const why = judge(checker, node.expression);
                if (why) report(node.expression, why);
            }
            ts.forEachChild(node, visit);
        };
        visit(source);
    }
    return found;
}
