/**
 * The load-time check of a condition against the format's CEL subset: walks
 * the parser's tree, rejects what the subset leaves out (naming it, at its
 * offset), resolves every name against the event type's variables, the rule
 * set's lists and, in correlation rules, the rule set's rules, and types
 * every node, so a rule that loads cannot fail at evaluation.
 */
import { CelIssue, type CelNode, nodeArgs } from './celAst.js';
import { parseCidr } from './ipRange.js';
import { BOOL, type CelType, INT, listOf, STRING, typeName } from './schema.js';

export interface CheckScope {
  /** names a condition may read: event variables, or nothing in a correlation rule */
  readonly variables: Readonly<Record<string, CelType>>;
  /** the rule set's list names */
  readonly lists: ReadonlySet<string>;
  /** correlation rules: the rule ids of the rule set (read as `rule.ID.total_count`) */
  readonly rules?: ReadonlySet<string>;
  /** filled with the rule ids a correlation condition reads */
  readonly referenced?: Set<string>;
}

const MACROS_LEFT_OUT = new Set(['all', 'filter', 'map', 'exists_one']);
const STRING_METHODS = new Set(['startsWith', 'endsWith', 'contains']);
const COMPARISONS = new Set(['<', '<=', '>', '>=']);
const BOOLEAN_OPS = new Set(['&&', '||']);

function sameType(a: CelType, b: CelType): boolean {
  return typeName(a) === typeName(b);
}

class Checker {
  private readonly bound: Map<string, CelType>[] = [];

  constructor(private readonly scope: CheckScope) {}

  private get correlation(): boolean {
    return this.scope.rules !== undefined;
  }

  private fail(node: CelNode, message: string): never {
    throw new CelIssue(message, node.pos);
  }

  private expect(node: CelNode, want: CelType, what: string): void {
    const got = this.type(node);
    if (!sameType(got, want)) this.fail(node, `${what} must be ${typeName(want)}, not ${typeName(got)}`);
  }

  type(node: CelNode): CelType {
    switch (node.op) {
      case 'value':
        return this.literal(node);
      case 'id':
        return this.identifier(node);
      case '.':
        return this.select(node);
      case 'rcall':
        return this.method(node);
      case 'call':
        return this.func(node);
      case '!_':
        this.expect(node.args as CelNode, BOOL, 'the operand of !');
        return BOOL;
      case '-_':
        return this.negate(node);
      case 'list':
        return this.listLiteral(node);
      case '?:':
        return this.ternary(node);
      default:
        return this.operator(node);
    }
  }

  private literal(node: CelNode): CelType {
    const value = node.args;
    if (typeof value === 'string') return STRING;
    if (typeof value === 'boolean') return BOOL;
    if (typeof value === 'bigint') return INT;
    return this.fail(node, 'only string, int and bool literals are in the rule language');
  }

  private identifier(node: CelNode): CelType {
    const name = node.args as string;
    for (let i = this.bound.length - 1; i >= 0; i--) {
      const type = this.bound[i]!.get(name);
      if (type !== undefined) return type;
    }
    if (Object.hasOwn(this.scope.variables, name)) return this.scope.variables[name]!;
    if (name === 'list') this.fail(node, '`list` is read as list.NAME');
    if (name === 'rule' && this.correlation) this.fail(node, '`rule` is read as rule.RULE_ID.total_count');
    return this.fail(node, `unknown variable "${name}"`);
  }

  private isFree(node: CelNode, name: string): boolean {
    return node.op === 'id' && node.args === name && !this.bound.some((frame) => frame.has(name));
  }

  private select(node: CelNode): CelType {
    const [operand, field] = node.args as [CelNode, string];
    if (this.isFree(operand, 'list')) {
      if (!this.scope.lists.has(field)) this.fail(node, `unknown list "${field}"`);
      return listOf(STRING);
    }
    if (this.correlation && operand.op === '.' && this.isFree(nodeArgs(operand)[0]!, 'rule')) {
      const id = (operand.args as [CelNode, string])[1];
      if (!this.scope.rules!.has(id)) this.fail(operand, `unknown rule "${id}" in this rule set`);
      if (field !== 'total_count') this.fail(node, `rule.${id} has only total_count, not "${field}"`);
      this.scope.referenced?.add(id);
      return INT;
    }
    if (this.correlation && this.isFree(operand, 'rule')) this.fail(node, `rule.${field} needs .total_count`);
    const type = this.type(operand);
    if (type.kind !== 'object') return this.fail(node, `${typeName(type)} has no field "${field}"`);
    if (!Object.hasOwn(type.fields, field)) return this.fail(node, `unknown variable "${field}" of ${type.name}`);
    return type.fields[field]!;
  }

  private method(node: CelNode): CelType {
    const [name, receiver, args] = node.args as [string, CelNode, CelNode[]];
    if (name === 'exists') return this.exists(node, receiver, args);
    if (MACROS_LEFT_OUT.has(name) || name === 'matches' || name === 'size') {
      this.fail(node, `${name}() is not in the rule language's CEL subset`);
    }
    if (!STRING_METHODS.has(name)) this.fail(node, `unknown method ${name}()`);
    if (args.length !== 1) this.fail(node, `${name}() takes one string`);
    this.expect(receiver, STRING, `the receiver of ${name}()`);
    this.expect(args[0]!, STRING, `the argument of ${name}()`);
    return BOOL;
  }

  private exists(node: CelNode, receiver: CelNode, args: CelNode[]): CelType {
    if (args.length !== 2 || args[0]!.op !== 'id') this.fail(node, 'exists takes a variable and a predicate: exists(x, p)');
    const range = this.type(receiver);
    if (range.kind !== 'list') this.fail(receiver, `exists() needs a list, not ${typeName(range)}`);
    this.bound.push(new Map([[args[0]!.args as string, range.elem]]));
    try {
      this.expect(args[1]!, BOOL, 'the predicate of exists()');
    } finally {
      this.bound.pop();
    }
    return BOOL;
  }

  private func(node: CelNode): CelType {
    const [name, args] = node.args as [string, CelNode[]];
    if (name === 'has' || name === 'size' || name === 'matches') {
      this.fail(node, `${name}() is not in the rule language's CEL subset`);
    }
    if (name !== 'inIpRange') this.fail(node, `unknown function ${name}()`);
    if (args.length !== 2) this.fail(node, 'inIpRange takes an address and a CIDR: inIpRange(ip, "10.0.0.0/8")');
    this.expect(args[0]!, STRING, 'the address of inIpRange()');
    const cidr = args[1]!;
    if (cidr.op !== 'value' || typeof cidr.args !== 'string') this.fail(cidr, 'the CIDR of inIpRange() must be a string literal');
    const range = parseCidr(cidr.args as string);
    if (typeof range === 'string') this.fail(cidr, range);
    return BOOL;
  }

  private negate(node: CelNode): CelType {
    const operand = node.args as CelNode;
    if (!this.correlation && !(operand.op === 'value' && typeof operand.args === 'bigint')) {
      this.fail(node, 'arithmetic is only allowed in correlation rules');
    }
    this.expect(operand, INT, 'the operand of -');
    return INT;
  }

  private listLiteral(node: CelNode): CelType {
    const items = nodeArgs(node);
    for (const item of items) if (item.op !== 'value' || typeof item.args !== 'string') this.fail(item, 'list literals hold string literals');
    return listOf(STRING);
  }

  private ternary(node: CelNode): CelType {
    if (!this.correlation) this.fail(node, 'the conditional operator ?: is only allowed in correlation rules');
    const [test, yes, no] = nodeArgs(node) as [CelNode, CelNode, CelNode];
    this.expect(test, BOOL, 'the condition of ?:');
    const type = this.type(yes);
    this.expect(no, type, 'both branches of ?:');
    return type;
  }

  private operator(node: CelNode): CelType {
    const [left, right] = nodeArgs(node) as [CelNode, CelNode];
    const op = node.op;
    if (BOOLEAN_OPS.has(op)) {
      this.expect(left, BOOL, `the left of ${op}`);
      this.expect(right, BOOL, `the right of ${op}`);
      return BOOL;
    }
    if (op === '==' || op === '!=' || COMPARISONS.has(op)) return this.comparison(node, left, right);
    if (op === '+' || op === '-') {
      if (!this.correlation) this.fail(node, 'arithmetic is only allowed in correlation rules');
      this.expect(left, INT, `the left of ${op}`);
      this.expect(right, INT, `the right of ${op}`);
      return INT;
    }
    if (op === '*' || op === '/' || op === '%') this.fail(node, `${op} is not in the rule language (only + and - in correlation rules)`);
    if (op === '[]' || op === '[?]') this.fail(node, 'index access is not in the rule language\'s CEL subset');
    return this.fail(node, `"${op}" is not in the rule language's CEL subset`);
  }

  private comparison(node: CelNode, left: CelNode, right: CelNode): CelType {
    const type = this.type(left);
    if (type.kind === 'list' || type.kind === 'object') this.fail(node, `${node.op} compares strings, ints or bools, not ${typeName(type)}`);
    if (COMPARISONS.has(node.op) && type.kind === 'bool') this.fail(node, `${node.op} compares strings or ints, not bool`);
    this.expect(right, type, `the right of ${node.op}`);
    return BOOL;
  }
}

/** Checks a parsed condition; throws CelIssue. The condition must be bool. */
export function checkCondition(root: CelNode, scope: CheckScope): void {
  const type = new Checker(scope).type(root);
  if (type.kind !== 'bool') throw new CelIssue(`the condition must be bool, not ${typeName(type)}`, root.pos);
}
