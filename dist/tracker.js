import { createRequire as __csCreateRequire } from 'node:module'; const require = __csCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target2) => (target2 = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target2, "default", { value: mod, enumerable: true }) : target2,
  mod
));

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar3(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap3;
    exports.isNode = isNode;
    exports.isPair = isPair;
    exports.isScalar = isScalar3;
    exports.isSeq = isSeq3;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity3 = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity3.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    function visit_(key, node, visitor, path) {
      const ctrl = callVisitor(key, node, visitor, path);
      if (identity3.isNode(ctrl) || identity3.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity3.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity3.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = visit_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity3.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path) {
      const ctrl = await callVisitor(key, node, visitor, path);
      if (identity3.isNode(ctrl) || identity3.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity3.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity3.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path) {
      if (typeof visitor === "function")
        return visitor(key, node, path);
      if (identity3.isMap(node))
        return visitor.Map?.(key, node, path);
      if (identity3.isSeq(node))
        return visitor.Seq?.(key, node, path);
      if (identity3.isPair(node))
        return visitor.Pair?.(key, node, path);
      if (identity3.isScalar(node))
        return visitor.Scalar?.(key, node, path);
      if (identity3.isAlias(node))
        return visitor.Alias?.(key, node, path);
      return void 0;
    }
    function replaceNode(key, path, node) {
      const parent = path[path.length - 1];
      if (identity3.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity3.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity3.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity3.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity3 = require_identity();
    var visit = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags2) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags2);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version2] = parts;
            if (version2 === "1.1" || version2 === "1.2") {
              this.yaml.version = version2;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version2);
              onError(6, `Unsupported YAML version ${version2}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity3.isNode(doc.contents)) {
          const tags2 = {};
          visit.visit(doc.contents, (_key, node) => {
            if (identity3.isNode(node) && node.tag)
              tags2[node.tag] = true;
          });
          tagNames = Object.keys(tags2);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity3 = require_identity();
    var visit = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity3.isScalar(ref.node) || identity3.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity3 = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity3.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity3 = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity3.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity3.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit = require_visit();
    var identity3 = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity3.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit.visit(doc, {
            Node: (_key, node) => {
              if (identity3.isAlias(node) || identity3.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity3.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity3.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity3.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity3 = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity3.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity3 = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags2) {
      if (tagName) {
        const match = tags2.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags2.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity3.isDocument(value))
        value = value.contents;
      if (identity3.isNode(value))
        return value;
      if (identity3.isPair(value)) {
        const map = ctx.schema[identity3.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity3.MAP] : Symbol.iterator in Object(value) ? schema[identity3.SEQ] : schema[identity3.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity3 = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path, value) {
      let v = value;
      for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path) => path == null || typeof path === "object" && !!path[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity3.isNode(it) || identity3.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path, value) {
        if (isEmptyPath(path))
          this.add(value);
        else {
          const [key, ...rest] = path;
          const node = this.get(key, true);
          if (identity3.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity3.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity3.isScalar(node) ? node.value : node;
        else
          return identity3.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity3.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity3.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity3.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity3.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str2) => str2.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str2, indent, comment) => str2.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str2.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text2, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text2;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text2.length <= endStep)
        return text2;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text2, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text2[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text2[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text2, i, indent.length);
          end = i + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text2[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text2[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text2;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text2;
      if (onFold)
        onFold();
      let res = text2.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold2 = folds[i2];
        const end2 = folds[i2 + 1] || text2.length;
        if (fold2 === 0)
          res = `
${indent}${text2.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold2])
            res += `${text2[fold2]}\\`;
          res += `
${indent}${text2.slice(fold2 + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text2, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text2[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text2[++i];
        } else {
          do {
            ch = text2[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text2[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str2) => /^(%|---|\.\.\.)/m.test(str2);
    function lineLengthOverLimit(str2, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str2.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str2[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str2 = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str2 += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str2 += json.slice(start, i);
                const code = json.substr(i + 2, 4);
                switch (code) {
                  case "0000":
                    str2 += "\\0";
                    break;
                  case "0007":
                    str2 += "\\a";
                    break;
                  case "000b":
                    str2 += "\\v";
                    break;
                  case "001b":
                    str2 += "\\e";
                    break;
                  case "0085":
                    str2 += "\\N";
                    break;
                  case "00a0":
                    str2 += "\\_";
                    break;
                  case "2028":
                    str2 += "\\L";
                    break;
                  case "2029":
                    str2 += "\\P";
                    break;
                  default:
                    if (code.substr(0, 2) === "00")
                      str2 += "\\x" + code.substr(2);
                    else
                      str2 += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str2 += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str2 += "\n";
                  i += 2;
                }
                str2 += indent;
                if (json[i + 2] === " ")
                  str2 += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str2 = start ? str2 + json.slice(start) : json;
      return implicitKey ? str2 : foldFlowLines.foldFlowLines(str2, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header2 = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header2 += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header2}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header2}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str2 = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str2);
        const { compat, tags: tags2 } = ctx.doc.schema;
        if (tags2.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str2 : foldFlowLines.foldFlowLines(str2, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity3 = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags2, item) {
      if (item.tag) {
        const match = tags2.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity3.isScalar(item)) {
        obj = item.value;
        let match = tags2.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags2.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity3.isScalar(node) || identity3.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity3.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity3.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity3.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str2 = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity3.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str2;
      return identity3.isScalar(node) || str2[0] === "{" || str2[0] === "[" ? `${props} ${str2}` : `${props}
${ctx.indent}${str2}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity3 = require_identity();
    var Scalar = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity3.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity3.isCollection(key) || !identity3.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity3.isCollection(key) || (identity3.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str2 = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str2.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str2 === "" ? "?" : explicitKey ? `? ${str2}` : str2;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str2 = `? ${str2}`;
        if (keyComment && !keyCommentDone) {
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str2;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
        str2 = `? ${str2}
${indent}:`;
      } else {
        str2 = `${str2}:`;
        if (keyComment)
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity3.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity3.isScalar(value))
        ctx.indentAtStart = str2.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity3.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity3.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str2 += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str2;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity3 = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge.identify(key) || identity3.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity3.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity3.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity3.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge = require_merge();
    var stringify = require_stringify();
    var identity3 = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity3.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity3.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity3 = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity3.NODE_TYPE, { value: identity3.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity3.isNode(key))
          key = key.clone(schema);
        if (identity3.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity3 = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity3.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity3.isPair(item)) {
          const ik = identity3.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str3 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str3 += stringifyComment.lineComment(str3, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str3);
      }
      let str2;
      if (lines.length === 0) {
        str2 = flowChars.start + flowChars.end;
      } else {
        str2 = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str2 += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str2 += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str2;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity3.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity3.isPair(item)) {
          const ik = identity3.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity3.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str2 = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str2.includes("\n"));
        if (i < items.length - 1) {
          str2 += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str2.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str2 += ",";
          }
        }
        if (comment)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment));
        lines.push(str2);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str2 = start;
          for (const line of lines)
            str2 += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str2}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity3 = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key) {
      const k = identity3.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity3.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity3.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity3.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value] of obj)
            add(key, value);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity3.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity3.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity3.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type2) {
        const map = Type2 ? new Type2() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity3.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity3 = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity3.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity3 = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity3.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity3.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity3.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity3.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity3 = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity3.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str2) => str2,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str2) => new Scalar.Scalar(str2[0] === "t" || str2[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str2) => str2.slice(-3).toLowerCase() === "nan" ? NaN : str2[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str2) => parseFloat(str2),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str2) {
        const node = new Scalar.Scalar(parseFloat(str2));
        const dot = str2.indexOf(".");
        if (dot !== -1 && str2[str2.length - 1] === "0")
          node.minFractionDigits = str2.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str2, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str2) : parseInt(str2.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool2 = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool2.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str2) => str2,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str2) => str2 === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str2, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str2) : parseInt(str2, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str2) => parseFloat(str2),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str2, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str2)}`);
        return str2;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str2 = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str2.length);
          for (let i = 0; i < str2.length; ++i)
            buffer[i] = str2.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str2;
        if (typeof node_buffer.Buffer === "function") {
          str2 = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str2 = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str2.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str2.substr(o, lineWidth);
          }
          str2 = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str2 }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity3 = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity3.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity3.isPair(item))
            continue;
          else if (identity3.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity3.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity3 = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value;
          if (identity3.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity3.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str2) => str2.slice(-3).toLowerCase() === "nan" ? NaN : str2[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str2) => parseFloat(str2.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str2) {
        const node = new Scalar.Scalar(parseFloat(str2.replace(/_/g, "")));
        const dot = str2.indexOf(".");
        if (dot !== -1) {
          const f = str2.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str2, offset, radix, { intAsBigInt }) {
      const sign = str2[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str2 = str2.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str2 = `0b${str2}`;
            break;
          case 8:
            str2 = `0o${str2}`;
            break;
          case 16:
            str2 = `0x${str2}`;
            break;
        }
        const n2 = BigInt(str2);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str2, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str2 = value.toString(radix);
        return value < 0 ? "-" + prefix + str2.substr(1) : prefix + str2;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity3 = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity3.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair = new Pair.Pair(key.key, null);
        else
          pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity3.isPair(pair) ? identity3.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity3.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str2, asBigInt) {
      const sign = str2[0];
      const parts = sign === "-" || sign === "+" ? str2.substring(1) : str2;
      const num = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n) => n;
      if (typeof value === "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str2, _onError, { intAsBigInt }) => parseSexagesimal(str2, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str2) => parseSexagesimal(str2, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str2) {
        const match = str2.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool2 = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool2.trueTag,
      bool2.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool2 = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool2.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags2 = schemaTags;
      if (!tags2) {
        if (Array.isArray(customTags))
          tags2 = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags2 = tags2.concat(tag);
      } else if (typeof customTags === "function") {
        tags2 = customTags(tags2.slice());
      }
      if (addMergeTag)
        tags2 = tags2.concat(merge.merge);
      return tags2.reduce((tags3, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags3.includes(tagObj))
          tags3.push(tagObj);
        return tags3;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity3 = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags2 = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags2.getTags(compat, "compat") : compat ? tags2.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags2.coreKnownTags : {};
        this.tags = tags2.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity3.MAP, { value: map.map });
        Object.defineProperty(this, identity3.SCALAR, { value: string.string });
        Object.defineProperty(this, identity3.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity3 = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity3.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity3 = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity3.NODE_TYPE, { value: identity3.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version: version2 } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version2 = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version: version2 });
        this.setSchema(version2, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity3.NODE_TYPE]: { value: identity3.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity3.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity3.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity3.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
          return !keepScalar && identity3.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity3.isCollection(this.contents) ? this.contents.getIn(path, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity3.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path) {
        if (Collection.isEmptyPath(path))
          return this.contents !== void 0;
        return identity3.isCollection(this.contents) ? this.contents.hasIn(path) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version2, options = {}) {
        if (typeof version2 === "number")
          version2 = String(version2);
        let opt;
        switch (version2) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version2;
            else
              this.directives = new directives.Directives({ version: version2 });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version2);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity3.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLParseError", pos, code, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLWarning", pos, code, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last2 = tokens[tokens.length - 1];
      const end = last2 ? last2.offset + last2.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity3 = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual2 = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity3.isScalar(a) && identity3.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual2(pair.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep + cb;
              sep = "";
              break;
            }
            case "newline":
              if (comment)
                sep += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity3 = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap3 = fc.start.source === "{";
      const fcName = isMap3 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap3 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap3 && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity3.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap3 && !sep && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap3 && !props.found && ctx.options.strict) {
              if (sep)
                for (const st of sep) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap3) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap3 ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity3 = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity3.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header2 = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header2)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header2.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines(scalar.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header2.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header2.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header2.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header2.indent;
      let offset = scalar.offset + header2.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header2.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header2.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header2.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep === " ")
            sep = "\n";
          else if (!prevMoreIndented && sep === "\n")
            sep = "\n\n";
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep === "\n")
            value += "\n";
          else
            sep = "\n";
        } else {
          value += sep + content;
          sep = " ";
          prevMoreIndented = false;
        }
      }
      switch (header2.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header2.length + scalar.source.length;
      return { value, type, comment: header2.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict2, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict2 && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict2, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict2, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep === "\n")
            res += sep;
          else
            sep = "\n";
        } else {
          res += sep + lm;
          sep = " ";
        }
        pos = line.lastIndex;
      }
      const last2 = /[ \t]*(.*)/sy;
      last2.lastIndex = pos;
      match = last2.exec(source);
      return res + sep + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold: fold2, offset } = foldNewline(source, i);
          res += fold2;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold2 = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold2 += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold2)
        fold2 = " ";
      return { fold: fold2, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity3 = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity3.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity3.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity3.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity3.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity3.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity3.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity3.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity3 = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity3.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity3 = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity3.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity3.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict2 = true, onError) {
      if (token) {
        const _onError = (pos, code, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict2, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict: strict2 } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header2 = token.props[0];
            if (header2.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header2.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header2 = token.props[0];
        if (header2.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header2.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep)
        for (const st of sep)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    visit.itemAtPath = (cst, path) => {
      let item = cst;
      for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit.parentCollection = (cst, path) => {
      const parent = visit.itemAtPath(cst, path.slice(0, -1));
      const field = path[path.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path, item, visitor) {
      let ctrl = visitor(item, path);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path) : ctrl;
    }
    exports.visit = visit;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar3 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar3;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer2 = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer2;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter2 = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter2;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list, type) {
      for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list) {
      for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target2, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target2, source);
      else
        for (let i = 0; i < source.length; ++i)
          target2.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser2 = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last2 = token.items[token.items.length - 1];
            if (last2 && !last2.sep && !last2.value && last2.start.length > 0 && findNonEmptyIndex(last2.start) === -1 && (token.indent === 0 || last2.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last2.start;
              else
                top.items.push({ start: last2.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep;
          if (scalar.end) {
            sep = scalar.end;
            sep.push(this.sourceToken);
            delete scalar.end;
          } else
            sep = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last2 = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last2?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep = it.sep;
                  sep.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs3 = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs3, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs3);
              } else {
                Object.assign(it, { key: fs3, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last2 = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last2?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs3 = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs3, sep: [] });
              else if (it.sep)
                this.stack.push(fs3);
              else
                Object.assign(it, { key: fs3, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep = fc.end.splice(1, fc.end.length);
            sep.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser2;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity3 = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument2(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse2(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument2(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity3.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse2;
    exports.parseAllDocuments = parseAllDocuments;
    exports.parseDocument = parseDocument2;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity3 = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity3.isAlias;
    exports.isCollection = identity3.isCollection;
    exports.isDocument = identity3.isDocument;
    exports.isMap = identity3.isMap;
    exports.isNode = identity3.isNode;
    exports.isPair = identity3.isPair;
    exports.isScalar = identity3.isScalar;
    exports.isSeq = identity3.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit.visit;
    exports.visitAsync = visit.visitAsync;
  }
});

// src/daemon/main.ts
import { join as join13 } from "node:path";

// src/options/argv.ts
var UsageError = class extends Error {
};
var missing = (flag2, kind) => new UsageError(`${flag2} needs ${kind === "dir" ? "a directory" : "a value"}`);
var powerOfTwo = (n) => n >= 4096 && n <= 1 << 30 && (n & n - 1) === 0;
function intArg(flag2, value, check2, what) {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || !check2(n)) {
    throw new UsageError(`${flag2}: '${value}' is not ${what}`);
  }
  return n;
}
function convert(flag2, kind, value) {
  switch (kind) {
    case "ringbuf":
      return intArg(flag2, value, powerOfTwo, "a power of two between 4096 and 1073741824");
    case "rows":
      return intArg(flag2, value, (n) => n >= 1 && n <= 1e4, "a number from 1 to 10000");
    case "pid":
      return intArg(flag2, value, (n) => n >= 1 && n <= 4194304, "a process id");
    case "list":
      if (!value || value.startsWith("-")) throw missing(flag2, kind);
      return value;
    default:
      if (!value) throw missing(flag2, kind);
      return value;
  }
}
function scan(args, spec, stopAtPositional) {
  const values = /* @__PURE__ */ new Map();
  let i = 0;
  for (; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--") {
      i++;
      break;
    }
    if (!arg.startsWith("-")) {
      if (stopAtPositional) break;
      throw new UsageError(`unexpected argument '${arg}'`);
    }
    if (arg === "-h" || arg === "--help") return { values, rest: [], help: true };
    const eq = arg.indexOf("=");
    const flag2 = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : void 0;
    const kind = spec[flag2];
    if (!kind) throw new UsageError(`unknown option '${arg}'`);
    if (kind === "flag") {
      if (inline !== void 0) throw new UsageError(`${flag2} takes no value`);
      values.set(flag2, true);
      continue;
    }
    const value = inline ?? args[++i];
    if (value === void 0) throw missing(flag2, kind);
    const converted = convert(flag2, kind, value);
    const before = values.get(flag2);
    values.set(flag2, kind === "list" && typeof before === "string" ? `${before}\0${converted}` : converted);
  }
  return { values, rest: args.slice(i), help: false };
}

// src/daemon/daemon.ts
import { chmodSync as chmodSync3, mkdirSync as mkdirSync3, readdirSync as readdirSync2, rmdirSync as rmdirSync4, rmSync as rmSync7, writeFileSync as writeFileSync7 } from "node:fs";
import { join as join12 } from "node:path";

// src/platform/cgroup.ts
import { existsSync, mkdirSync, readFileSync, rmdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
function cgroup2RootFromMounts(mounts) {
  for (const line of mounts.split("\n")) {
    const [, mountPoint, fsType] = line.split(" ");
    if (fsType === "cgroup2" && mountPoint) return mountPoint.replace(/\\([0-7]{3})/g, (_, o) => String.fromCharCode(parseInt(o, 8)));
  }
  return void 0;
}
function cgroup2Root() {
  try {
    return cgroup2RootFromMounts(readFileSync("/proc/mounts", "utf8"));
  } catch {
    return void 0;
  }
}
function cgroupId(path) {
  return statSync(path, { bigint: true }).ino;
}
function processCgroup(pid) {
  try {
    const line = readFileSync(`/proc/${pid}/cgroup`, "utf8").split("\n").find((l) => l.startsWith("0::"));
    return line?.slice(3);
  } catch {
    return void 0;
  }
}
function createCgroup(root, relative) {
  const path = join(root, relative);
  for (let attempt = 0; ; attempt++) {
    try {
      mkdirSync(path, { recursive: true });
      return path;
    } catch (err) {
      if (err.code !== "ENOENT" || attempt >= 3) throw err;
    }
  }
}
function cgroupProcs(path) {
  try {
    return readFileSync(join(path, "cgroup.procs"), "utf8").split("\n").filter(Boolean).map(Number);
  } catch {
    return [];
  }
}
function moveProcess(path, pid) {
  writeFileSync(join(path, "cgroup.procs"), `${pid}
`);
}
function removeIfUnused(path) {
  try {
    rmdirSync(path);
  } catch {
  }
}

// src/native/sensor.ts
import { constants as osConstants } from "node:os";

// src/action/constants.ts
var EnvVar = {
  /** Overrides the daemon's state directory (tests, self-hosted layouts). */
  StateDir: "CICD_SENSOR_STATE_DIR",
  /** Seconds to wait for the daemon to be ready. */
  ReadyTimeout: "CICD_SENSOR_READY_TIMEOUT",
  /** `cicd-sensor run`: print the kernel's whole message when the sensor cannot start. */
  Debug: "CICD_SENSOR_DEBUG",
  /** Print the attach plan as the native library returns it. */
  DebugPlan: "CICD_SENSOR_DEBUG_PLAN",
  /** The directory holding sensor.bpf.o and lib/, instead of the bundle's own. */
  Assets: "CICD_SENSOR_ASSETS"
};

// src/kernel/layout.ts
var RECORDS_ABI = 2;
var STAGING_KEY_MAX = 80;
var Kind = {
  EXEC: 1,
  FORK: 2,
  EXIT: 3,
  CGROUP: 4,
  CONNECT: 5,
  FILE_OPEN: 6,
  FILE_OP: 7,
  UNIX_CONNECT: 8,
  DOMAIN: 9,
  ACCESS: 10,
  MOUNT: 11
};
var HOOK_NAMES = [
  "process_exec",
  "process_fork",
  "process_exit",
  "cgroup_tracking",
  "network_connect",
  "udp_sendmsg",
  "file_open",
  "file_remove",
  "file_move",
  "file_link",
  "unix_socket_connect",
  "domain",
  "process_access",
  "mount"
];
var Flag = {
  ARGV_TRUNCATED: 1 << 0,
  PATH_TRUNCATED: 1 << 1,
  PATH2_TRUNCATED: 1 << 2,
  CWD_TRUNCATED: 1 << 3,
  ANSWERS_TRUNCATED: 1 << 4,
  MEMFD: 1 << 5
};
var CgroupOp = { MKDIR: 1, RMDIR: 2, ATTACH: 3, PROMOTE: 4 };
var Access = { READ: 1, WRITE: 2, READ_WRITE: 3, EXEC: 4 };
var PathEnc = { NONE: 0, COMPONENTS: 1, STRING: 2 };
var FileOp = { UNLINK: 1, RMDIR: 2, RENAME: 3, LINK: 4, SYMLINK: 5 };
var DomainSource = { DNS_QUERY: 1, DNS_ANSWER: 2, TLS_SNI: 3, HTTP_HOST: 4, RESOLVED: 5 };
var RESOLVED_SOCKET = "/run/systemd/resolve/io.systemd.Resolve";
var AnswerType = { A: 1, AAAA: 2, CNAME: 3 };
var DOMAIN_NAME_MAX = 253;
var AccessOp = { PTRACE: 1, VM_READV: 2, VM_WRITEV: 3, PROC_OPEN: 4 };
var ProcFile = { MEM: 1, MAPS: 2, SMAPS: 3, SMAPS_ROLLUP: 4, NUMA_MAPS: 5, PAGEMAP: 6 };
var Prevention = { NONE: 0, SIGNAL: 1, LSM: 2 };
var MountOp = { MOUNT: 1, MOVE_MOUNT: 2 };
var OFFSETS = {
  cs_header: { kind: 0, size: 2, pid: 4, tid: 8, flags: 12, time_ns: 16, cgroup_id: 24, start_time_ns: 32 },
  cs_exec: { ppid: 40, uid: 44, parent_start_time_ns: 48, path_len: 56, argv_len: 58, cwd_len: 60 },
  cs_fork: { ppid: 40, uid: 44, parent_start_time_ns: 48 },
  cs_exit: { exit_code: 40 },
  cs_cgroup: { id: 40, parent_id: 48, op: 56, name_len: 60 },
  cs_connect: { protocol: 40, family: 41, port: 42, via_sendmsg: 44, addr: 48 },
  cs_file_open: { open_flags: 40, access: 44, path_enc: 45, path_len: 46 },
  cs_file_op: { op: 40, op_flags: 44, path_len: 48, base_len: 50, path2_len: 52, base2_len: 54 },
  cs_unix_connect: { path_len: 40, sock_type: 42 },
  cs_domain: {
    source: 40,
    protocol: 41,
    family: 42,
    rcode: 43,
    port: 44,
    qtype: 46,
    txid: 48,
    name_len: 50,
    answers_len: 52,
    addr: 56
  },
  cs_process_access: {
    target_pid: 40,
    request: 44,
    target_start_time_ns: 48,
    op: 56,
    proc_file: 57,
    prevented: 58,
    write: 59,
    target_ns: 60
  },
  cs_mount: {
    flags: 40,
    op: 44,
    source_len: 46,
    source_base_len: 48,
    target_len: 50,
    target_base_len: 52
  }
};
var SIZEOF = {
  cs_header: 40,
  cs_exec: 64,
  cs_fork: 56,
  cs_exit: 48,
  cs_cgroup: 64,
  cs_connect: 64,
  cs_file_open: 48,
  cs_file_op: 56,
  cs_unix_connect: 48,
  cs_domain: 72,
  cs_process_access: 64,
  cs_mount: 64
};

// src/native/assets.ts
import { existsSync as existsSync2 } from "node:fs";
import { dirname, join as join2, resolve } from "node:path";
import { fileURLToPath } from "node:url";
function assetsDir() {
  const override = process.env[EnvVar.Assets];
  if (override) return resolve(override);
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [here, resolve(here, "../../dist")]) {
    if (existsSync2(join2(candidate, "lib", "libcicdsensor.so"))) return candidate;
  }
  throw new Error(`cicd-sensor assets not found next to ${here}; run 'npm run build'`);
}
var libraryPath = () => join2(assetsDir(), "lib", "libcicdsensor.so");
var bpfObjectPath = () => join2(assetsDir(), "sensor.bpf.o");

// node_modules/koffi/src/koffi/index.js
import util from "node:util";
import fs2 from "node:fs";
import { createRequire as createRequire2 } from "node:module";
import fs from "node:fs";

// node_modules/koffi/src/koffi/src/static.js
import { createRequire } from "node:module";
var require2 = createRequire(import.meta.url);
function loadStatic(pkg2) {
  let native2 = null;
  if (pkg2 == "linux-arm") {
    try {
      native2 = require2("@koromix/koffi-linux-arm");
    } catch (err) {
    }
  }
  if (pkg2 == "linux-arm64") {
    try {
      native2 = require2("@koromix/koffi-linux-arm64");
    } catch (err) {
    }
  }
  if (pkg2 == "linux-ia32") {
    try {
      native2 = require2("@koromix/koffi-linux-ia32");
    } catch (err) {
    }
  }
  if (pkg2 == "linux-x64") {
    try {
      native2 = require2("@koromix/koffi-linux-x64");
    } catch (err) {
    }
  }
  if (pkg2 == "linux-riscv64") {
    try {
      native2 = require2("@koromix/koffi-linux-riscv64");
    } catch (err) {
    }
  }
  if (pkg2 == "freebsd-ia32") {
    try {
      native2 = require2("@koromix/koffi-freebsd-ia32");
    } catch (err) {
    }
  }
  if (pkg2 == "freebsd-x64") {
    try {
      native2 = require2("@koromix/koffi-freebsd-x64");
    } catch (err) {
    }
  }
  if (pkg2 == "freebsd-arm64") {
    try {
      native2 = require2("@koromix/koffi-freebsd-arm64");
    } catch (err) {
    }
  }
  if (pkg2 == "openbsd-ia32") {
    try {
      native2 = require2("@koromix/koffi-openbsd-ia32");
    } catch (err) {
    }
  }
  if (pkg2 == "openbsd-x64") {
    try {
      native2 = require2("@koromix/koffi-openbsd-x64");
    } catch (err) {
    }
  }
  if (pkg2 == "win32-ia32") {
    try {
      native2 = require2("@koromix/koffi-win32-ia32");
    } catch (err) {
    }
  }
  if (pkg2 == "win32-x64") {
    try {
      native2 = require2("@koromix/koffi-win32-x64");
    } catch (err) {
    }
  }
  if (pkg2 == "win32-arm64") {
    try {
      native2 = require2("@koromix/koffi-win32-arm64");
    } catch (err) {
    }
  }
  if (pkg2 == "darwin-x64") {
    try {
      native2 = require2("@koromix/koffi-darwin-x64");
    } catch (err) {
    }
  }
  if (pkg2 == "darwin-arm64") {
    try {
      native2 = require2("@koromix/koffi-darwin-arm64");
    } catch (err) {
    }
  }
  if (pkg2 == "linux-loong64") {
    try {
      native2 = require2("@koromix/koffi-linux-loong64");
    } catch (err) {
    }
  }
  if (pkg2 == "android-arm64") {
    try {
      native2 = require2("@koromix/koffi-android-arm64");
    } catch (err) {
    }
  }
  if (pkg2 == "android-x64") {
    try {
      native2 = require2("@koromix/koffi-android-x64");
    } catch (err) {
    }
  }
  if (pkg2 == "linux-ppc64") {
    try {
      native2 = require2("@koromix/koffi-linux-ppc64");
    } catch (err) {
    }
  }
  if (pkg2 == "openbsd-arm64") {
    try {
      native2 = require2("@koromix/koffi-openbsd-arm64");
    } catch (err) {
    }
  }
  return native2;
}

// node_modules/koffi/src/koffi/index.js
function determineAbi() {
  let abi = process.arch.toString();
  if (abi == "riscv32" || abi == "riscv64") {
    let file = openFile(process.execPath, "r");
    try {
      let header2 = readElfHeader(file);
      let float_abi = header2.e_flags & 6;
      switch (float_abi) {
        case 0:
          {
          }
          break;
        case 2:
          {
            abi += "f";
          }
          break;
        case 4:
          {
            abi += "d";
          }
          break;
        case 6:
          {
            abi += "q";
          }
          break;
      }
    } finally {
      file.close();
    }
  } else if (abi == "arm") {
    let file = openFile(process.execPath, "r");
    try {
      let header2 = readElfHeader(file);
      if (header2.e_flags & 1024) {
        abi += "hf";
      } else if (header2.e_flags & 512) {
        abi += "sf";
      } else {
        throw new Error("Unknown ARM floating-point ABI");
      }
    } finally {
      file.close();
    }
  } else if (abi == "ppc64") {
    let file = openFile(process.execPath, "r");
    try {
      let header2 = readElfHeader(file);
      switch (header2.ei_data) {
        case 1:
          {
            abi += "le";
          }
          break;
        case 2:
          {
            abi += "be";
          }
          break;
        default:
          throw new Error("Invalid ELF endianness value");
      }
    } finally {
      file.close();
    }
  }
  return abi;
}
function readElfHeader(file, offset = 0) {
  let buf = file.read(offset, 512);
  if (buf.length < 16)
    throw new Error("Truncated header");
  if (buf[0] != 127 || buf[1] != 69 || buf[2] != 76 || buf[3] != 70)
    throw new Error("Invalid magic number");
  if (buf[6] != 1)
    throw new Error("Invalid ELF version");
  if (buf[5] != 1)
    throw new Error("Big-endian architectures are not supported");
  switch (buf[4]) {
    case 1:
      {
        if (buf.length < 68)
          throw new Error("Truncated ELF header");
        return {
          ei_class: 32,
          ei_data: buf[5],
          e_machine: buf.readUInt16LE(18),
          e_flags: buf.readUInt32LE(36),
          e_phoff: buf.readUInt32LE(28),
          e_phentsize: buf.readUInt16LE(42),
          e_phnum: buf.readUInt16LE(44)
        };
      }
      break;
    case 2:
      {
        if (buf.length < 120)
          throw new Error("Truncated ELF header");
        return {
          ei_class: 64,
          ei_data: buf[5],
          e_machine: buf.readUInt16LE(18),
          e_flags: buf.readUInt32LE(48),
          e_phoff: buf.readBigUInt64LE(32),
          e_phentsize: buf.readUInt16LE(54),
          e_phnum: buf.readUInt16LE(56)
        };
      }
      break;
    default:
      throw new Error("Invalid ELF class");
  }
}
function openFile(filename, flags) {
  let fd = fs.openSync(filename, flags);
  return new FileHandle(fd);
}
var FileHandle = class {
  constructor(fd) {
    this.fd = fd;
  }
  close() {
    fs.closeSync(this.fd);
  }
  [Symbol.dispose]() {
    fs.closeSync(this.fd);
  }
  read(offset, len) {
    let buf = Buffer.allocUnsafe(len);
    let read = fs.readSync(this.fd, buf, 0, len, offset);
    return buf.subarray(0, read);
  }
};
var package_default = { name: "koffi", version: "3.3.4", cnoke: { api: "../../vendor/node-api-headers", output: "../../bin/Koffi/{{ toolchain }}", node: 16, napi: 8 } };
var require22 = createRequire2(import.meta.url);
function detectPlatform() {
  if (process.versions.napi == null || process.versions.napi < package_default.cnoke.napi) {
    let major = parseInt(process.versions.node, 10);
    throw new Error(`This engine is based on Node ${process.versions.node}, but ${package_default.name} does not support the Node ${major}.x branch (Node-API < ${package_default.cnoke.napi})`);
  }
  let abi = determineAbi();
  let pkg2 = `${process.platform}-${process.arch}`;
  let triplets2 = [`${process.platform}_${abi}`];
  if (process.platform == "linux")
    triplets2.push(`musl_${abi}`);
  return [package_default.version, pkg2, triplets2];
}
function loadDynamic(dirname2, pkg2, triplets2) {
  let suffix = "/../../build/koffi";
  let root = dirname2 + suffix;
  let roots = [root];
  let native2 = null;
  let err = null;
  if (process["resourcesPath"] != null) {
    let suffixes = [
      "/koffi",
      "/koffi/build",
      "/node_modules/koffi/build"
    ];
    for (let suffix2 of suffixes)
      roots.push(process["resourcesPath"] + suffix2);
  }
  let names = [
    `${import.meta.dirname}/../../../@koromix/koffi-${pkg2}`,
    ...triplets2.flatMap((triplet) => roots.map((dir) => `${dir}/${triplet}/koffi.node`))
  ];
  for (let name of names) {
    if (!fs2.existsSync(name))
      continue;
    try {
      native2 = require22(name);
      break;
    } catch (e) {
      err ??= e;
    }
  }
  if (native2 == null && err != null)
    throw err;
  return native2;
}
function wrapNative(native2, version2) {
  if (native2 == null)
    throw new Error("Cannot find the native Koffi module; did you bundle it correctly?");
  if (native2.version != version2)
    throw new Error("Mismatched native Koffi modules");
  let load = native2.load;
  let register3 = native2.register;
  native2.register = (...args) => {
    if (args.length >= 3 && typeof args[1] == "function") {
      process.emitWarning("Using koffi.register() with a custom this value was deprecated in Koffi 2.17, use function.bind() instead", "DeprecationWarning", "KOFFI009");
      args[1] = args[1].bind(args[0]);
      args = args.slice(1);
    }
    return register3(...args);
  };
  native2.load = (...args) => {
    let lib = load(...args);
    lib.cdecl = util.deprecate((...args2) => lib.func("__cdecl", ...args2), "The koffi.cdecl() function was deprecated in Koffi 2.7, use koffi.func(...) instead", "KOFFI003");
    lib.stdcall = util.deprecate((...args2) => lib.func("__stdcall", ...args2), 'The koffi.stdcall() function was deprecated in Koffi 2.7, use koffi.func("__stdcall", ...) instead', "KOFFI004");
    lib.fastcall = util.deprecate((...args2) => lib.func("__fastcall", ...args2), 'The koffi.fastcall() function was deprecated in Koffi 2.7, use koffi.func("__fastcall", ...) instead', "KOFFI005");
    lib.thiscall = util.deprecate((...args2) => lib.func("__thiscall", ...args2), 'The koffi.thiscall() function was deprecated in Koffi 2.7, use koffi.func("__thiscall", ...) instead', "KOFFI006");
    return lib;
  };
  native2.resolve = util.deprecate(native2.type, "The koffi.resolve() function was deprecated in Koffi 3.0, use koffi.type() instead", "KOFFI007");
  native2.introspect = util.deprecate(native2.type, "The koffi.introspect() function was deprecated in Koffi 3.0, use koffi.type() instead", "KOFFI008");
}
var [version, pkg, triplets] = detectPlatform();
var native = loadStatic(pkg) ?? loadDynamic(import.meta.dirname, pkg, triplets);
wrapNative(native, version);
var mod_LibraryHandle = native.LibraryHandle;
var mod_TypeObject = native.TypeObject;
var mod_Union = native.Union;
var mod_address = native.address;
var mod_alias = native.alias;
var mod_alignof = native.alignof;
var mod_alloc = native.alloc;
var mod_array = native.array;
var mod_as = native.as;
var mod_call = native.call;
var mod_config = native.config;
var mod_decode = native.decode;
var mod_disposable = native.disposable;
var mod_encode = native.encode;
var mod_enumeration = native.enumeration;
var mod_errno = native.errno;
var mod_extension = native.extension;
var mod_free = native.free;
var mod_in = native.in;
var mod_inout = native.inout;
var mod_introspect = native.introspect;
var mod_load = native.load;
var mod_node = native.node;
var mod_offsetof = native.offsetof;
var mod_opaque = native.opaque;
var mod_os = native.os;
var mod_out = native.out;
var mod_pack = native.pack;
var mod_pointer = native.pointer;
var mod_proto = native.proto;
var mod_register = native.register;
var mod_reset = native.reset;
var mod_resolve = native.resolve;
var mod_sizeof = native.sizeof;
var mod_stats = native.stats;
var mod_struct = native.struct;
var mod_type = native.type;
var mod_types = native.types;
var mod_union = native.union;
var mod_unregister = native.unregister;
var mod_version = native.version;
var mod_view = native.view;
var index_default = native;

// src/native/ffi.ts
var NATIVE_ABI = 2;
var api;
function nativeApi() {
  if (api) return api;
  const lib = index_default.load(libraryPath());
  index_default.opaque("cs_sensor");
  const f = (decl) => lib.func(decl);
  const poll = f("int cs_poll(cs_sensor *s, uint8_t *buf, uint32_t len, int timeout_ms)");
  const loaded = {
    cs_abi_version: f("int cs_abi_version(void)"),
    cs_records_version: f("int cs_records_version(void)"),
    cs_open: f("cs_sensor *cs_open(const char *obj_path, uint32_t ringbuf_bytes, uint32_t self_tgid, uint32_t flags, _Out_ int *err)"),
    cs_attach: f("int cs_attach(cs_sensor *s, const char *cgroup_root, _Out_ uint8_t *plan, uint32_t plan_len)"),
    cs_track_cgroup: f("int cs_track_cgroup(cs_sensor *s, uint64_t cgroup_id)"),
    cs_untrack_cgroup: f("int cs_untrack_cgroup(cs_sensor *s, uint64_t cgroup_id)"),
    cs_track_task: f("int cs_track_task(cs_sensor *s, uint32_t tgid, uint64_t start_time_ns)"),
    cs_untrack_task: f("int cs_untrack_task(cs_sensor *s, uint32_t tgid)"),
    cs_protect: f("int cs_protect(cs_sensor *s, uint32_t tgid)"),
    cs_unprotect: f("int cs_unprotect(cs_sensor *s, uint32_t tgid)"),
    cs_stage: f("int cs_stage(cs_sensor *s, const char *basename)"),
    cs_unstage: f("int cs_unstage(cs_sensor *s, const char *basename)"),
    cs_list_tracked: f("int cs_list_tracked(cs_sensor *s, _Out_ uint64_t *out, uint32_t max)"),
    cs_list_staged: f("int cs_list_staged(cs_sensor *s, _Out_ uint8_t *out, uint32_t max)"),
    cs_poll: poll,
    cs_backlog: f("int64_t cs_backlog(cs_sensor *s)"),
    cs_map_id: f("int cs_map_id(cs_sensor *s, const char *name)"),
    cs_read_counters: f("int cs_read_counters(cs_sensor *s, _Out_ uint64_t *out, uint32_t max)"),
    cs_links_alive: f("int cs_links_alive(cs_sensor *s)"),
    cs_close: f("void cs_close(cs_sensor *s)"),
    cs_boot_to_realtime_ns: f("int64_t cs_boot_to_realtime_ns(void)"),
    cs_peer_pid: f("int cs_peer_pid(int fd)"),
    cs_test_skb: f("int cs_test_skb(cs_sensor *s, const char *prog, const uint8_t *frame, uint32_t len)"),
    cs_last_error: f("int cs_last_error(_Out_ uint8_t *buf, uint32_t len)"),
    pollAsync: (h, buf, len, timeoutMs) => new Promise((resolve2, reject) => {
      poll.async(h, buf, len, timeoutMs, (err, res) => err ? reject(err) : resolve2(res));
    })
  };
  if (loaded.cs_abi_version() !== NATIVE_ABI) {
    throw new Error(`${libraryPath()} speaks native ABI ${loaded.cs_abi_version()}, this build expects ${NATIVE_ABI}`);
  }
  api = loaded;
  return api;
}

// src/native/sensor.ts
var SensorError = class extends Error {
  constructor(message, errno) {
    super(message);
    this.errno = errno;
    this.name = "SensorError";
  }
  errno;
};
var errnoName = (errno) => Object.entries(osConstants.errno).find(([, v]) => v === errno)?.[0] ?? `errno ${errno}`;
function lastError(api2, rc) {
  const buf = Buffer.alloc(8192);
  const n = api2.cs_last_error(buf, buf.length);
  const text2 = n > 0 ? buf.subarray(0, n).toString("utf8") : errnoName(-rc);
  return new SensorError(text2, -rc);
}
var Sensor = class _Sensor {
  constructor(api2, handle) {
    this.api = api2;
    this.handle = handle;
  }
  api;
  handle;
  closed = false;
  polling = false;
  static open(opts) {
    const api2 = nativeApi();
    if (api2.cs_records_version() !== RECORDS_ABI) {
      throw new SensorError(`native library uses record layout ${api2.cs_records_version()}, decoder expects ${RECORDS_ABI}`, 0);
    }
    const err = [0];
    const flags = opts.noFunctionHooks ? 1 : 0;
    const h = api2.cs_open(opts.objectPath ?? bpfObjectPath(), opts.ringbufBytes, process.pid, flags, err);
    if (!h) throw lastError(api2, err[0] ?? -1);
    return new _Sensor(api2, h);
  }
  check(rc) {
    if (rc < 0) throw lastError(this.api, rc);
    return rc;
  }
  live() {
    if (this.closed) throw new SensorError("sensor is closed", 9);
    return this.handle;
  }
  /** Attaches every hook; returns the plan (which mechanism each hook got). */
  attach(cgroupRoot) {
    const buf = Buffer.alloc(64 * 1024);
    this.check(this.api.cs_attach(this.live(), cgroupRoot, buf, buf.length));
    const text2 = buf.subarray(0, buf.indexOf(0)).toString("utf8");
    if (process.env[EnvVar.DebugPlan]) console.error(text2);
    return JSON.parse(text2);
  }
  trackCgroup(id) {
    this.check(this.api.cs_track_cgroup(this.live(), id));
  }
  untrackCgroup(id) {
    this.check(this.api.cs_untrack_cgroup(this.live(), id));
  }
  trackTask(tgid, startNs) {
    this.check(this.api.cs_track_task(this.live(), tgid, startNs));
  }
  untrackTask(tgid) {
    this.check(this.api.cs_untrack_task(this.live(), tgid));
  }
  /** protect-runner: the jobs' ptrace, process_vm_* and /proc/<pid>/mem opens of tgid are stopped. */
  protect(tgid) {
    this.check(this.api.cs_protect(this.live(), tgid));
  }
  unprotect(tgid) {
    this.check(this.api.cs_unprotect(this.live(), tgid));
  }
  stage(basename2) {
    this.check(this.api.cs_stage(this.live(), basename2));
  }
  unstage(basename2) {
    this.check(this.api.cs_unstage(this.live(), basename2));
  }
  trackedCgroups(max = 16384) {
    const out = new BigUint64Array(max);
    const n = this.check(this.api.cs_list_tracked(this.live(), out, max));
    return Array.from(out.subarray(0, n));
  }
  stagedBasenames(max = 4096) {
    const out = Buffer.alloc(max * STAGING_KEY_MAX);
    const n = this.check(this.api.cs_list_staged(this.live(), out, max));
    const names = [];
    for (let i = 0; i < n; i++) {
      const key = out.subarray(i * STAGING_KEY_MAX, (i + 1) * STAGING_KEY_MAX);
      const end = key.indexOf(0);
      names.push(key.subarray(0, end < 0 ? key.length : end).toString("utf8"));
    }
    return names;
  }
  /** Kernel ids of the sensor's maps, for bpftool and diagnostics. */
  mapIds() {
    const names = ["tracked_cgroups", "tracked_tasks", "staging_map", "events", "counters"];
    return Object.fromEntries(names.map((n) => [n, this.check(this.api.cs_map_id(this.live(), n))]));
  }
  /** Copies whole records into buf without waiting; returns bytes written. */
  pollNow(buf) {
    return this.check(this.api.cs_poll(this.live(), buf, buf.length, 0));
  }
  /** Waits up to timeoutMs for records on a worker thread; returns bytes written. */
  async poll(buf, timeoutMs) {
    if (this.polling) throw new SensorError("poll already in progress", 16);
    this.polling = true;
    try {
      const rc = await this.api.pollAsync(this.live(), buf, buf.length, timeoutMs);
      if (rc < 0) throw new SensorError(`polling the ring buffer: ${errnoName(-rc)}`, -rc);
      return rc;
    } finally {
      this.polling = false;
    }
  }
  backlog() {
    return Number(this.api.cs_backlog(this.live()));
  }
  counters() {
    const out = new BigUint64Array(HOOK_NAMES.length * 3);
    this.check(this.api.cs_read_counters(this.live(), out, out.length));
    return HOOK_NAMES.map((hook, i) => ({
      hook,
      sent: Number(out[i * 3]),
      lost: Number(out[i * 3 + 1]),
      suppressed: Number(out[i * 3 + 2])
    }));
  }
  /** CLOCK_REALTIME - CLOCK_BOOTTIME in ns, for turning record times into wall-clock times. */
  static bootToRealtimeNs() {
    return Number(nativeApi().cs_boot_to_realtime_ns());
  }
  /** Runs a loaded packet program on one crafted Ethernet frame (BPF_PROG_TEST_RUN); returns its verdict. */
  testSkb(prog, frame) {
    return this.check(this.api.cs_test_skb(this.live(), prog, frame, frame.length));
  }
  linksAlive() {
    return this.api.cs_links_alive(this.live());
  }
  /** Detaches everything. Waits for nothing: callers stop polling first. */
  close() {
    if (this.closed) return;
    if (this.polling) throw new SensorError("close while a poll is running", 16);
    this.closed = true;
    this.api.cs_close(this.handle);
  }
};

// src/kernel/openFlags.ts
var COMMON = [
  [64, "O_CREAT"],
  [128, "O_EXCL"],
  [256, "O_NOCTTY"],
  [512, "O_TRUNC"],
  [1024, "O_APPEND"],
  [2048, "O_NONBLOCK"],
  [4096, "O_DSYNC"],
  [8192, "O_ASYNC"],
  [262144, "O_NOATIME"],
  [524288, "O_CLOEXEC"],
  [1048576, "O_SYNC"],
  [2097152, "O_PATH"]
];
var X86 = [
  [16384, "O_DIRECT"],
  [32768, "O_LARGEFILE"],
  [65536, "O_DIRECTORY"],
  [131072, "O_NOFOLLOW"]
];
var ARM64 = [
  [16384, "O_DIRECTORY"],
  [32768, "O_NOFOLLOW"],
  [65536, "O_DIRECT"],
  [131072, "O_LARGEFILE"]
];
var TMPFILE_BIT = 4194304;
var named = /* @__PURE__ */ new Map();
function openFlagNames(flags, arch = process.arch) {
  const key = `${arch}:${flags}`;
  let names = named.get(key);
  if (names === void 0) {
    names = nameFlags(flags, arch);
    if (named.size < 4096) named.set(key, names);
  }
  return names;
}
function nameFlags(flags, arch) {
  const table2 = [...COMMON, ...arch === "arm64" ? ARM64 : X86];
  const names = [];
  const acc = flags & 3;
  names.push(["O_RDONLY", "O_WRONLY", "O_RDWR", "O_ACCMODE"][acc]);
  const tmpfile = (flags & TMPFILE_BIT) !== 0;
  for (const [bit, name] of table2) {
    if (name === "O_DIRECTORY" && tmpfile) continue;
    if (name === "O_DSYNC" && (flags & 1052672) === 1052672) continue;
    if (name === "O_SYNC" ? (flags & 1052672) === 1052672 : (flags & bit) !== 0) names.push(name);
  }
  if (tmpfile) names.push("O_TMPFILE");
  return names;
}
var bitTables = /* @__PURE__ */ new Map();
function bitTable(arch) {
  let table2 = bitTables.get(arch);
  if (table2 === void 0) {
    table2 = new Map([
      ["O_RDONLY", 0],
      ["O_WRONLY", 1],
      ["O_RDWR", 2],
      ["O_ACCMODE", 3],
      ["O_TMPFILE", TMPFILE_BIT | (arch === "arm64" ? 16384 : 65536)],
      ...COMMON.map(([bit, name]) => [name, name === "O_SYNC" ? 1052672 : bit]),
      ...(arch === "arm64" ? ARM64 : X86).map(([bit, name]) => [name, bit])
    ]);
    bitTables.set(arch, table2);
  }
  return table2;
}
function openFlagBits(names, arch = process.arch) {
  const table2 = bitTable(arch);
  let bits = 0;
  for (const name of names) bits |= table2.get(name) ?? 0;
  return bits;
}

// src/kernel/text.ts
import { posix } from "node:path";
var strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
function isAscii(buf, start, end) {
  for (let i = start; i < end; i++) if (buf[i] >= 128) return false;
  return true;
}
function escapeInvalid(buf) {
  let out = "";
  let i = 0;
  while (i < buf.length) {
    let j = i;
    while (j < buf.length && buf[j] < 128) j++;
    out += Buffer.from(buf.subarray(i, j)).toString("latin1");
    if (j >= buf.length) break;
    let decoded = false;
    for (const len of [4, 3, 2]) {
      if (j + len > buf.length) continue;
      try {
        out += strict.decode(buf.subarray(j, j + len));
        j += len;
        decoded = true;
        break;
      } catch {
      }
    }
    if (!decoded) {
      out += `\\x${buf[j].toString(16).padStart(2, "0")}`;
      j++;
    }
    i = j;
  }
  return out;
}
function bytesToText(buf, start, end) {
  if (isAscii(buf, start, end)) return buf.toString("latin1", start, end);
  const slice = buf.subarray(start, end);
  try {
    return strict.decode(slice);
  } catch {
    return escapeInvalid(slice);
  }
}
function splitNul(buf, start, end) {
  const out = [];
  let from = start;
  for (let i = start; i < end; i++) {
    if (buf[i] === 0) {
      out.push(bytesToText(buf, from, i));
      from = i + 1;
    }
  }
  if (from < end) out.push(bytesToText(buf, from, end));
  return out;
}
function componentsToPath(buf, start, end, truncated) {
  let parts;
  if (isAscii(buf, start, end)) {
    parts = buf.toString("latin1", start, end).split("\0");
    if (parts[parts.length - 1] === "") parts.pop();
    parts.reverse();
  } else {
    parts = splitNul(buf, start, end).reverse();
  }
  const path = "/" + parts.join("/");
  return truncated ? "/\u2026" + path : path;
}
function resolvePath(raw, base2) {
  const joined = posix.normalize(raw.startsWith("/") ? raw : posix.join(base2 ?? "/", raw));
  return joined.length > 1 && joined.endsWith("/") ? joined.slice(0, -1) : joined;
}

// src/kerneltracker/accessEvents.ts
var PTRACE_REQUESTS = {
  1: "PTRACE_PEEKTEXT",
  2: "PTRACE_PEEKDATA",
  3: "PTRACE_PEEKUSER",
  4: "PTRACE_POKETEXT",
  5: "PTRACE_POKEDATA",
  6: "PTRACE_POKEUSER",
  12: "PTRACE_GETREGS",
  13: "PTRACE_SETREGS",
  16: "PTRACE_ATTACH",
  16900: "PTRACE_GETREGSET",
  16901: "PTRACE_SETREGSET",
  16902: "PTRACE_SEIZE"
};
function accessInfo(s, targets) {
  const target2 = s.targetInCallerNs ? { pid: s.targetPid } : { ...targets.describe(s.targetPid, s.targetStartNs), in_job: targets.inJob(s.targetPid) };
  const info = { operation: s.op, target: target2 };
  if (s.op === "ptrace") info.request = PTRACE_REQUESTS[s.request] ?? `PTRACE_${s.request}`;
  if (s.procFile) info.proc_file = s.procFile;
  if (s.write) info.write = true;
  if (s.prevented) info.prevented = true;
  return info;
}
var MS_FLAGS = [
  [1, "MS_RDONLY"],
  [2, "MS_NOSUID"],
  [4, "MS_NODEV"],
  [8, "MS_NOEXEC"],
  [16, "MS_SYNCHRONOUS"],
  [32, "MS_REMOUNT"],
  [64, "MS_MANDLOCK"],
  [128, "MS_DIRSYNC"],
  [256, "MS_NOSYMFOLLOW"],
  [1024, "MS_NOATIME"],
  [2048, "MS_NODIRATIME"],
  [4096, "MS_BIND"],
  [8192, "MS_MOVE"],
  [16384, "MS_REC"],
  [32768, "MS_SILENT"],
  [1 << 16, "MS_POSIXACL"],
  [1 << 17, "MS_UNBINDABLE"],
  [1 << 18, "MS_PRIVATE"],
  [1 << 19, "MS_SLAVE"],
  [1 << 20, "MS_SHARED"],
  [1 << 21, "MS_RELATIME"],
  [1 << 24, "MS_STRICTATIME"],
  [1 << 25, "MS_LAZYTIME"]
];
var MOVE_MOUNT_FLAGS = [
  [1, "MOVE_MOUNT_F_SYMLINKS"],
  [2, "MOVE_MOUNT_F_AUTOMOUNTS"],
  [4, "MOVE_MOUNT_F_EMPTY_PATH"],
  [16, "MOVE_MOUNT_T_SYMLINKS"],
  [32, "MOVE_MOUNT_T_AUTOMOUNTS"],
  [64, "MOVE_MOUNT_T_EMPTY_PATH"],
  [256, "MOVE_MOUNT_SET_GROUP"],
  [512, "MOVE_MOUNT_BENEATH"]
];
function flagNames(flags, table2) {
  const bits = flags >>> 0 >= 3236757504 ? flags & 65535 : flags;
  return table2.filter(([bit]) => (bits & bit) !== 0).map(([, name]) => name);
}
function mountInfo(s) {
  const source = s.source.raw || s.source.base ? resolvePath(s.source.raw, s.source.base) : void 0;
  const info = {
    target: resolvePath(s.target.raw, s.target.base),
    flags: flagNames(s.mountFlags, s.op === "mount" ? MS_FLAGS : MOVE_MOUNT_FLAGS),
    operation: s.op
  };
  if (source !== void 0) info.source = source;
  return info;
}
var PROC_PID_PATH = /^\/proc\/(\d+)(?:\/|$)/;
function procTarget(path, selfPid, targets) {
  const m = PROC_PID_PATH.exec(path);
  if (!m) return void 0;
  const pid = Number(m[1]);
  return pid === selfPid ? void 0 : targets.describe(pid, 0);
}

// src/kerneltracker/eventBuilder.ts
var pad = (n, width) => String(n).padStart(width, "0");
var lastSecond = NaN;
var lastSecondText = "";
function rfc3339Micros(wallNs) {
  const micros = Math.floor(wallNs / 1e3);
  const second = Math.floor(micros / 1e6);
  if (second !== lastSecond) {
    lastSecond = second;
    lastSecondText = new Date(second * 1e3).toISOString().slice(0, 20);
  }
  return `${lastSecondText}${pad(micros - second * 1e6, 6)}Z`;
}
function processContext(node, bootToRealNs) {
  if (node.context) return node.context;
  const ctx = {
    pid: node.pid,
    ppid: node.ppid,
    exec_path: node.execPath,
    argv: node.argv,
    ancestors: node.ancestors
  };
  if (node.uid !== void 0) ctx.uid = node.uid;
  if (node.argvTruncated) ctx.argv_truncated = true;
  if (node.cwd) ctx.cwd = node.cwd;
  if (node.startNs) ctx.start_time = rfc3339Micros(node.startNs + bootToRealNs);
  if (node.ancestorsTruncated) ctx.ancestors_truncated = true;
  node.context = Object.freeze(ctx);
  return node.context;
}
function exitFields(status) {
  const signal = status & 127;
  if (signal === 0) return { exit_code: status >> 8 & 255 };
  return { exit_code: 128 + signal, exit_signal: signal };
}
var ACCESS = {
  [Access.READ]: "read",
  [Access.WRITE]: "write",
  [Access.READ_WRITE]: "read_write",
  [Access.EXEC]: "exec"
};
function fileOpen(s, targets) {
  const info = { path: s.path, access: ACCESS[s.access] ?? "read", flags: openFlagNames(s.openFlags) };
  if (s.pathTruncated) info.path_truncated = true;
  const target2 = targets && procTarget(s.path, s.pid, targets);
  if (target2) info.target_process = target2;
  return info;
}
function fileOp(s) {
  const first = resolvePath(s.path.raw, s.path.base);
  const second = s.path2 ? resolvePath(s.path2.raw, s.path2.base) : void 0;
  const extra = s.pathTruncated ? { path_truncated: true } : {};
  switch (s.op) {
    case "unlink":
      return { kind: "file_remove", file: { path: first, ...extra } };
    case "rmdir":
      return { kind: "file_remove", file: { path: first, is_dir: true, ...extra } };
    case "rename":
      return { kind: "file_move", file: { path: first, target_path: second ?? "", ...extra } };
    case "link":
      return { kind: "file_link", file: { path: first, target_path: second ?? "", link_type: "hard", ...extra } };
    case "symlink": {
      const linkDir = second ? second.slice(0, second.lastIndexOf("/")) || "/" : "/";
      const target2 = resolvePath(s.path.raw, linkDir);
      return { kind: "file_link", file: { path: target2, target_path: second ?? "", link_type: "symbolic", ...extra } };
    }
  }
}
function network(s, domainOf) {
  const domain = domainOf?.nameOf(s.address);
  return {
    protocol: s.protocol === "udp" ? "udp" : "tcp",
    family: s.family,
    address: s.address,
    port: s.port,
    ...domain !== void 0 ? { domain } : {}
  };
}
function record(kind, s, ctx, process2 = processContext(ctx.node, ctx.bootToRealNs)) {
  return {
    seq: 0,
    time: rfc3339Micros(s.timeNs + ctx.bootToRealNs),
    kind,
    job: ctx.job,
    cgroup_id: s.cgroupId,
    container: ctx.container,
    step: ctx.node.step,
    process: process2
  };
}
function domainEvent(domain, s, ctx) {
  const e = record("domain", s, ctx);
  e.domain = domain;
  return e;
}
function exitEvent(s, ctx) {
  const process2 = Object.freeze({ ...processContext(ctx.node, ctx.bootToRealNs), ...exitFields(s.status) });
  return record("process_exit", s, ctx, process2);
}
function buildEvent(s, ctx) {
  let e;
  switch (s.kind) {
    case "exec":
      if (s.memfd) return record("process_exec", s, ctx, Object.freeze({ ...processContext(ctx.node, ctx.bootToRealNs), memfd: true }));
      return record("process_exec", s, ctx);
    case "exit":
      return exitEvent(s, ctx);
    case "connect":
      e = record("network_connect", s, ctx);
      e.network = network(s, ctx.domainOf);
      return e;
    case "file_open":
      e = record("file_open", s, ctx);
      e.file = fileOpen(s, ctx.targets);
      return e;
    case "file_op": {
      const { kind, file } = fileOp(s);
      e = record(kind, s, ctx);
      e.file = file;
      return e;
    }
    case "unix_connect":
      e = record("unix_socket_connect", s, ctx);
      e.unix_socket = { path: s.path };
      if (s.socketType) e.unix_socket.socket_type = s.socketType;
      return e;
    case "access":
      if (!ctx.targets) return void 0;
      e = record("process_access", s, ctx);
      e.access = accessInfo(s, ctx.targets);
      return e;
    case "mount":
      e = record("mount", s, ctx);
      e.mount = mountInfo(s);
      return e;
    default:
      return void 0;
  }
}

// src/kerneltracker/processTable.ts
import { readFileSync as readFileSync3, readlinkSync } from "node:fs";

// src/platform/procStat.ts
import { readFileSync as readFileSync2 } from "node:fs";
function readProcStat(pid, procRoot = "/proc") {
  let stat;
  try {
    stat = readFileSync2(`${procRoot}/${pid}/stat`, "latin1");
  } catch {
    return void 0;
  }
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return { ppid: Number(fields[1]), pgid: Number(fields[2]), startTicks: Number(fields[19]) };
}

// src/kerneltracker/processTable.ts
var ANCESTOR_DEPTH = 16;
var NS_PER_TICK = 1e7;
var startTicks = (startNs) => Math.floor(startNs / NS_PER_TICK);
function readProc(pid, procRoot = "/proc") {
  const stat = readProcStat(pid, procRoot);
  if (!stat) return void 0;
  try {
    let execPath = "";
    try {
      execPath = readlinkSync(`${procRoot}/${pid}/exe`);
    } catch {
    }
    const cmdline = readFileSync3(`${procRoot}/${pid}/cmdline`);
    const argv = splitNul(cmdline, 0, cmdline.length);
    return { ppid: stat.ppid, startTicks: stat.startTicks, execPath, argv };
  } catch {
    return void 0;
  }
}
function chainFrom(parent) {
  if (!parent) return { ancestors: [], truncated: false };
  const full = [parent.asAncestor, ...parent.ancestors];
  const truncated = parent.ancestorsTruncated || full.length > ANCESTOR_DEPTH;
  return { ancestors: full.slice(0, ANCESTOR_DEPTH), truncated };
}
var ProcessTable = class {
  byPid = /* @__PURE__ */ new Map();
  get size() {
    return this.byPid.size;
  }
  /** The live node for (pid, start); start 0 means "whichever process has pid now". */
  get(pid, startNs) {
    const node = this.byPid.get(pid);
    if (!node) return void 0;
    if (startNs && node.startTicks !== startTicks(startNs)) return void 0;
    return node;
  }
  put(pid, startNs, ppid, parent, fields) {
    const { ancestors, truncated } = chainFrom(parent);
    const execPath = fields.execPath ?? parent?.execPath ?? "";
    const argv = fields.argv ?? parent?.argv ?? [];
    const node = {
      pid,
      startTicks: fields.startTicks ?? startTicks(startNs),
      startNs,
      ppid,
      uid: fields.uid ?? parent?.uid,
      execPath,
      argv,
      argvTruncated: fields.argvTruncated ?? parent?.argvTruncated ?? false,
      cwd: fields.cwd ?? parent?.cwd,
      ancestors,
      ancestorsTruncated: truncated,
      asAncestor: { pid, exec_path: execPath, argv },
      step: fields.step ?? parent?.step
    };
    this.byPid.set(pid, node);
    return node;
  }
  /** A new process: it starts as a copy of its parent's image. */
  fork(pid, startNs, ppid, parentStartNs, uid) {
    return this.put(pid, startNs, ppid, this.get(ppid, parentStartNs), { uid });
  }
  /** A new image in an existing (or unseen) process. */
  exec(pid, startNs, ppid, parentStartNs, image) {
    const existing = this.get(pid, startNs);
    if (!existing) return this.put(pid, startNs, ppid, this.get(ppid, parentStartNs), image);
    Object.assign(existing, image);
    existing.context = void 0;
    existing.asAncestor = { pid, exec_path: image.execPath, argv: image.argv };
    return existing;
  }
  /**
   * The node for an event's process. A process never seen forking or
   * exec'ing (it predates tracking) is read from /proc once and kept.
   */
  resolve(pid, startNs) {
    const known = this.get(pid, startNs);
    if (known) return known;
    const proc = readProc(pid);
    const sameProcess2 = proc && (!startNs || proc.startTicks === startTicks(startNs));
    if (proc && sameProcess2) {
      return this.put(pid, startNs || proc.startTicks * NS_PER_TICK, proc.ppid, this.get(proc.ppid, 0), {
        startTicks: proc.startTicks,
        execPath: proc.execPath,
        argv: proc.argv
      });
    }
    return this.put(pid, startNs, 0, void 0, { execPath: "", argv: [] });
  }
  /** Removes the node of an exited process and returns it for the exit event. */
  exit(pid, startNs) {
    const node = this.get(pid, startNs);
    if (node) this.byPid.delete(pid);
    return node;
  }
  /** Drops every node whose pid is in the set (a job's end). */
  forget(pids) {
    for (const pid of pids) this.byPid.delete(pid);
  }
  pids() {
    return this.byPid.keys();
  }
};

// src/kerneltracker/steps.ts
import { closeSync, openSync, readSync } from "node:fs";
import { basename } from "node:path";
var ACTION_PATH = /\/_actions\/([^/]+)\/([^/]+)\/([^/]+)\//;
var RUN_SCRIPT = /\/_temp\/[^/]+\.(sh|bash|ps1|py|cmd)$/;
var LABEL_MAX = 200;
function firstScriptLine(path) {
  let fd;
  try {
    fd = openSync(path, "r");
    const buf = Buffer.alloc(8192);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n).toString("utf8").split("\n").map((l) => l.trim()).find((l) => l.length > 0);
  } catch {
    return void 0;
  } finally {
    if (fd !== void 0) closeSync(fd);
  }
}
var clip = (s) => s.length > LABEL_MAX ? `${s.slice(0, LABEL_MAX - 1)}\u2026` : s;
function stepLabel(execPath, argv, readLine = firstScriptLine) {
  for (const arg of argv) {
    const action = ACTION_PATH.exec(arg);
    if (action) return `uses: ${action[1]}/${action[2]}@${action[3]}`;
  }
  const script = argv.find((a) => RUN_SCRIPT.test(a));
  if (script) {
    const line = readLine(script);
    return clip(`run: ${line ?? `(script ${basename(script)} already removed)`}`);
  }
  const shown = argv.length ? argv.join(" ") : basename(execPath);
  return clip(`run: ${shown}`);
}

// src/kerneltracker/jobProcesses.ts
var JobProcesses = class {
  constructor(maps) {
    this.maps = maps;
  }
  maps;
  table = new ProcessTable();
  jobByPid = /* @__PURE__ */ new Map();
  processesByJob = /* @__PURE__ */ new Map();
  /** The job a process was last seen in, if any (a process can outlive its cgroup's attribution). */
  jobOf(pid) {
    return this.jobByPid.get(pid);
  }
  claim(pid, jobId2) {
    const previous = this.jobByPid.get(pid);
    if (previous === jobId2) return;
    if (previous !== void 0) this.processesByJob.get(previous)?.delete(pid);
    this.jobByPid.set(pid, jobId2);
    let pids = this.processesByJob.get(jobId2);
    if (!pids) this.processesByJob.set(jobId2, pids = /* @__PURE__ */ new Set());
    pids.add(pid);
  }
  /**
   * Processes already in the job when it registered (the runner worker, the
   * step that registered it): read from /proc, parents first, so their
   * children get full ancestors, and marked in the kernel as the job's.
   */
  bootstrap(job, pids) {
    const parentsFirst = pids.map((pid) => ({ pid, proc: readProc(pid) })).filter((p) => p.proc !== void 0).sort((a, b) => a.proc.startTicks - b.proc.startTicks);
    for (const { pid } of parentsFirst) {
      const node = this.table.resolve(pid, 0);
      this.claim(pid, job.id);
      assignStep(node, job);
      this.maps.trackTask(pid, BigInt(node.startNs));
    }
  }
  /** The node of a sample's process, updated by a fork or exec, and claimed for the job. */
  nodeFor(s, job) {
    let node;
    if (s.kind === "fork") {
      node = this.table.fork(s.pid, s.startNs, s.ppid, s.parentStartNs, s.uid);
    } else if (s.kind === "exec") {
      node = this.table.exec(s.pid, s.startNs, s.ppid, s.parentStartNs, {
        execPath: s.execPath,
        argv: s.argv,
        argvTruncated: s.argvTruncated === true,
        cwd: s.cwd,
        uid: s.uid
      });
    } else {
      node = this.table.resolve(s.pid, s.startNs);
    }
    if (s.kind !== "exit" && !this.jobByPid.has(s.pid)) assignStep(node, job);
    else if (s.kind === "exec" && node.step?.pid === node.pid) assignStep(node, job);
    this.claim(s.pid, job.id);
    return node;
  }
  /** The process exited: its node leaves the table and its job. */
  exited(pid, startNs) {
    this.table.exit(pid, startNs);
    const jobId2 = this.jobByPid.get(pid);
    if (jobId2 !== void 0) this.processesByJob.get(jobId2)?.delete(pid);
    this.jobByPid.delete(pid);
  }
  /** Forgets every process of the job, here and in the kernel (else one moving cgroups later would drag a cgroup back in). */
  forgetJob(jobId2) {
    const pids = this.processesByJob.get(jobId2) ?? /* @__PURE__ */ new Set();
    this.table.forget(pids);
    for (const pid of pids) {
      this.jobByPid.delete(pid);
      this.maps.untrackTask(pid);
    }
    this.processesByJob.delete(jobId2);
  }
  sizes() {
    return { processes: this.table.size, jobByPid: this.jobByPid.size, processesByJob: this.processesByJob.size };
  }
};
function assignStep(node, job) {
  if (job.workerPid === void 0 || node.ppid !== job.workerPid) return;
  node.step = Object.freeze({ pid: node.pid, label: stepLabel(node.execPath, node.argv) });
}

// src/kerneltracker/jobRegistry.ts
import { existsSync as existsSync3 } from "node:fs";

// src/kerneltracker/domains.ts
var ANSWER_WAIT_MS = 2e3;
var QUERY_TYPES = {
  1: "A",
  2: "NS",
  5: "CNAME",
  6: "SOA",
  12: "PTR",
  15: "MX",
  16: "TXT",
  28: "AAAA",
  33: "SRV",
  35: "NAPTR",
  43: "DS",
  48: "DNSKEY",
  64: "SVCB",
  65: "HTTPS",
  255: "ANY",
  257: "CAA"
};
function queryTypeName(qtype) {
  return QUERY_TYPES[qtype] ?? `TYPE${qtype}`;
}
var NUMERIC = /^[0-9.]+$/;
var heldKey = (s) => `${s.name}\0${s.qtype}`;
var processKey = (node) => `${node.pid}:${node.startNs}`;
var JobDomains = class {
  constructor(now) {
    this.now = now;
  }
  now;
  /** Per process (pid:start), the (source, name, type) keys it has had an event for. */
  seen = /* @__PURE__ */ new Map();
  /** Questions waiting for their answer, by name and query type (what an answer matches on). */
  held = /* @__PURE__ */ new Map();
  nameByAddress = /* @__PURE__ */ new Map();
  arrivals = 0;
  /** The name this job last resolved to address, if any. */
  nameOf(address) {
    return this.nameByAddress.get(address);
  }
  /**
   * A question, SNI or Host from a process; toEvent snapshots the process
   * now. Returns the event to deliver now; undefined for a repeat, a numeric
   * name, or a question held for its answer.
   */
  seenFrom(s, node, toEvent) {
    if (NUMERIC.test(s.name)) return void 0;
    const resolved = s.source === "resolved";
    const dns = s.source === "dns_query";
    const key = `${s.source}\0${s.name}\0${dns ? s.qtype : ""}`;
    let seen = this.seen.get(processKey(node));
    if (!seen) this.seen.set(processKey(node), seen = /* @__PURE__ */ new Set());
    if (seen.has(key)) return void 0;
    seen.add(key);
    const domain = {
      name: s.name,
      source: dns || resolved ? "dns" : s.source === "tls_sni" ? "tls_sni" : "http_host",
      ...dns ? { query_type: queryTypeName(s.qtype) } : {},
      server: resolved ? { address: s.address } : { address: s.address, port: s.port }
    };
    const event = toEvent(domain);
    if (!dns) return event;
    const waiting = this.held.get(heldKey(s)) ?? [];
    waiting.push({ event, pid: s.pid, heldAt: this.now(), order: this.arrivals++ });
    this.held.set(heldKey(s), waiting);
    return void 0;
  }
  /**
   * A response reaching the job: its addresses now name connects, and the
   * questions it answers (the same process's first, else any) go out with it.
   */
  answered(s) {
    for (const address of s.answers) this.nameByAddress.set(address, s.name);
    const waiting = this.held.get(heldKey(s));
    if (!waiting) return [];
    const own = waiting.filter((h) => h.pid === s.pid);
    const done = own.length ? own : waiting;
    const rest = waiting.filter((h) => !done.includes(h));
    if (rest.length) this.held.set(heldKey(s), rest);
    else this.held.delete(heldKey(s));
    return done.map((h) => {
      h.event.domain.answers = [...s.answers];
      if (s.cnames.length) h.event.domain.cnames = [...s.cnames];
      return h.event;
    });
  }
  /** A process has exited: what it looked up no longer needs remembering. */
  forgetProcess(node) {
    this.seen.delete(processKey(node));
  }
  /** Processes with names remembered (for the mirror's sizes). */
  get processes() {
    return this.seen.size;
  }
  /** Questions whose answer did not come in time, in arrival order; every held one when all is set. */
  due(all = false) {
    const limit = this.now() - ANSWER_WAIT_MS;
    const out = [];
    for (const [key, waiting] of this.held) {
      const late = all ? waiting : waiting.filter((h) => h.heldAt <= limit);
      if (!late.length) continue;
      out.push(...late);
      if (late.length === waiting.length) this.held.delete(key);
      else this.held.set(key, waiting.filter((h) => h.heldAt > limit));
    }
    return out.sort((a, b) => a.order - b.order).map((h) => h.event);
  }
};

// src/kerneltracker/jobRegistry.ts
var REMOVED_GRACE_MS = 5e3;
var JobRegistry = class {
  constructor(maps, now, exists = existsSync3) {
    this.maps = maps;
    this.now = now;
    this.exists = exists;
  }
  maps;
  now;
  exists;
  jobs = /* @__PURE__ */ new Map();
  jobByCgroup = /* @__PURE__ */ new Map();
  cgroupsByJob = /* @__PURE__ */ new Map();
  removedAt = /* @__PURE__ */ new Map();
  cgroupPath = /* @__PURE__ */ new Map();
  containerByCgroup = /* @__PURE__ */ new Map();
  register(identity3, cgroups, sink, workerPid) {
    if (this.jobs.has(identity3.id)) throw new Error(`job ${identity3.id} is already registered`);
    for (const c of cgroups) {
      const owner = this.jobByCgroup.get(Number(c.id));
      if (owner !== void 0) throw new Error(`cgroup ${c.path ?? c.id} already belongs to job ${owner}`);
    }
    const job = {
      id: identity3.id,
      identity: Object.freeze({ ...identity3 }),
      sink,
      delivered: 0,
      workerPid,
      registeredAt: this.now(),
      domains: new JobDomains(this.now)
    };
    this.jobs.set(identity3.id, job);
    this.cgroupsByJob.set(identity3.id, /* @__PURE__ */ new Set());
    for (const c of cgroups) {
      this.maps.trackCgroup(c.id);
      this.own(identity3.id, Number(c.id));
      if (c.path) this.cgroupPath.set(Number(c.id), c.path);
    }
    return job;
  }
  get(jobId2) {
    return this.jobs.get(jobId2);
  }
  jobOfCgroup(id) {
    return this.jobByCgroup.get(id);
  }
  containerOf(cgroupId2) {
    return this.containerByCgroup.get(cgroupId2);
  }
  own(jobId2, id) {
    this.jobByCgroup.set(id, jobId2);
    this.cgroupsByJob.get(jobId2)?.add(id);
  }
  /**
   * A cgroup the kernel tracked joins a job: made inside one of its cgroups
   * (it inherits the parent's container and path), a process of the job
   * moved into it, or a staged container's (with that container).
   */
  adopt(jobId2, s, container) {
    if (s.op === "mkdir") {
      container ??= this.containerByCgroup.get(s.parentId);
      const parentPath = this.cgroupPath.get(s.parentId);
      if (parentPath) this.cgroupPath.set(s.id, `${parentPath}/${s.name}`);
    }
    if (container) this.containerByCgroup.set(s.id, container);
    this.own(jobId2, s.id);
  }
  /** The kernel saw the cgroup removed: late records still find their job for a while. */
  removed(id) {
    if (this.jobByCgroup.has(id)) this.removedAt.set(id, this.now());
  }
  /** Forgets removed cgroups whose grace period is over. */
  expireRemoved() {
    const limit = this.now() - REMOVED_GRACE_MS;
    for (const [id, at] of this.removedAt) {
      if (at > limit) continue;
      const jobId2 = this.jobByCgroup.get(id);
      this.jobByCgroup.delete(id);
      if (jobId2 !== void 0) this.cgroupsByJob.get(jobId2)?.delete(id);
      this.forgetCgroup(id);
    }
  }
  forgetCgroup(id) {
    this.removedAt.delete(id);
    this.cgroupPath.delete(id);
    this.containerByCgroup.delete(id);
  }
  /**
   * Catches a removal the kernel hook missed (for example while the ring
   * buffer was full): a registered cgroup whose directory is gone is treated
   * as removed.
   */
  reconcile() {
    for (const [id, path] of this.cgroupPath) {
      if (this.removedAt.has(id) || this.exists(path)) continue;
      this.maps.untrackCgroup(BigInt(id));
      this.removedAt.set(id, this.now());
    }
  }
  /** Removes the job and untracks every cgroup it has; returns its state. */
  remove(jobId2) {
    for (const id of this.cgroupsByJob.get(jobId2) ?? []) {
      this.maps.untrackCgroup(BigInt(id));
      this.jobByCgroup.delete(id);
      this.forgetCgroup(id);
    }
    this.cgroupsByJob.delete(jobId2);
    const job = this.jobs.get(jobId2);
    this.jobs.delete(jobId2);
    return job;
  }
  /** Jobs registered longer ago than maxAgeMs (never unregistered: the runner died). */
  staleJobs(maxAgeMs) {
    const limit = this.now() - maxAgeMs;
    return [...this.jobs.values()].filter((j) => j.registeredAt < limit).map((j) => j.id);
  }
  sizes() {
    return {
      jobs: this.jobs.size,
      jobByCgroup: this.jobByCgroup.size,
      cgroupsByJob: this.cgroupsByJob.size,
      containerByCgroup: this.containerByCgroup.size,
      domainProcesses: [...this.jobs.values()].reduce((n, j) => n + j.domains.processes, 0)
    };
  }
};

// src/kerneltracker/protection.ts
var Protection = class {
  constructor(maps) {
    this.maps = maps;
  }
  maps;
  jobsOfPid = /* @__PURE__ */ new Map();
  pidsOfJob = /* @__PURE__ */ new Map();
  protect(jobId2, pids) {
    const mine = [...new Set(pids)].filter((pid) => !this.pidsOfJob.get(jobId2)?.includes(pid));
    for (const pid of mine) {
      const n = this.jobsOfPid.get(pid) ?? 0;
      if (n === 0) this.maps.protect(pid);
      this.jobsOfPid.set(pid, n + 1);
    }
    this.pidsOfJob.set(jobId2, [...this.pidsOfJob.get(jobId2) ?? [], ...mine]);
  }
  /** The job is gone: its pids stay protected only while another job names them. */
  release(jobId2) {
    for (const pid of this.pidsOfJob.get(jobId2) ?? []) {
      const n = (this.jobsOfPid.get(pid) ?? 1) - 1;
      if (n > 0) {
        this.jobsOfPid.set(pid, n);
        continue;
      }
      this.jobsOfPid.delete(pid);
      this.maps.unprotect(pid);
    }
    this.pidsOfJob.delete(jobId2);
  }
  sizes() {
    return { protectedPids: this.jobsOfPid.size };
  }
};

// src/kerneltracker/staging.ts
var Staging = class {
  constructor(maps, now) {
    this.maps = maps;
    this.now = now;
  }
  maps;
  now;
  stagingByBasename = /* @__PURE__ */ new Map();
  stagingByJob = /* @__PURE__ */ new Map();
  containerByBasename = /* @__PURE__ */ new Map();
  stagedAt = /* @__PURE__ */ new Map();
  /** The job is creating a container whose cgroup will have this basename. */
  stage(jobId2, basename2, container) {
    this.maps.stage(basename2);
    this.stagingByBasename.set(basename2, jobId2);
    let names = this.stagingByJob.get(jobId2);
    if (!names) this.stagingByJob.set(jobId2, names = /* @__PURE__ */ new Set());
    names.add(basename2);
    this.containerByBasename.set(basename2, Object.freeze({ ...container }));
    this.stagedAt.set(basename2, this.now());
  }
  /** The staged cgroup was made: whose it is (the entry is used up); undefined if nobody staged it. */
  promote(basename2) {
    const jobId2 = this.stagingByBasename.get(basename2);
    const container = this.containerByBasename.get(basename2);
    if (jobId2 === void 0) return void 0;
    this.drop(basename2);
    return { jobId: jobId2, container };
  }
  /** Drops entries never promoted (a create that was never started). */
  expire(maxAgeMs) {
    const limit = this.now() - maxAgeMs;
    for (const [name, at] of this.stagedAt) if (at <= limit) this.drop(name);
  }
  dropJob(jobId2) {
    for (const name of [...this.stagingByJob.get(jobId2) ?? []]) this.drop(name);
    this.stagingByJob.delete(jobId2);
  }
  drop(name) {
    const jobId2 = this.stagingByBasename.get(name);
    this.maps.unstage(name);
    this.stagingByBasename.delete(name);
    if (jobId2 !== void 0) {
      const names = this.stagingByJob.get(jobId2);
      names?.delete(name);
      if (names?.size === 0) this.stagingByJob.delete(jobId2);
    }
    this.containerByBasename.delete(name);
    this.stagedAt.delete(name);
  }
  sizes() {
    return {
      stagingByBasename: this.stagingByBasename.size,
      stagingByJob: this.stagingByJob.size,
      containerByBasename: this.containerByBasename.size
    };
  }
};

// src/kerneltracker/targets.ts
var CACHE_MS = 2e3;
var CACHE_MAX = 4096;
var ProcessTargets = class {
  constructor(processes, now = Date.now, procRoot = "/proc") {
    this.processes = processes;
    this.now = now;
    this.procRoot = procRoot;
  }
  processes;
  now;
  procRoot;
  cache = /* @__PURE__ */ new Map();
  describe(pid, startNs) {
    const node = this.processes.get(pid, startNs);
    if (node) return { pid, exec_path: node.execPath, argv: node.argv };
    const cached = this.cache.get(pid);
    const fresh = cached && this.now() - cached.at < CACHE_MS && (!startNs || cached.ticks === startTicks(startNs));
    if (fresh) return cached.ref;
    const proc = readProc(pid, this.procRoot);
    if (!proc || startNs && proc.startTicks !== startTicks(startNs)) return { pid };
    const ref = { pid, exec_path: proc.execPath, argv: proc.argv };
    if (this.cache.size >= CACHE_MAX) this.cache.clear();
    this.cache.set(pid, { ref, ticks: proc.startTicks, at: this.now() });
    return ref;
  }
};

// src/kerneltracker/kernelTracker.ts
var KernelTracker = class {
  constructor(maps, bootToRealNs, now = Date.now, cgroupExists) {
    this.maps = maps;
    this.registry = new JobRegistry(maps, now, cgroupExists);
    this.staging = new Staging(maps, now);
    this.processes = new JobProcesses(maps);
    this.protection = new Protection(maps);
    this.targets = new ProcessTargets(this.processes.table, now);
    this.ctx = { job: { id: "" }, container: void 0, node: void 0, bootToRealNs };
  }
  maps;
  registry;
  staging;
  processes;
  protection;
  targets;
  /** Each job's view of the processes its events name (built on first use, gone with the job). */
  lookups = /* @__PURE__ */ new WeakMap();
  /** Filled per event for the event builder; nothing keeps it. */
  ctx;
  counts = { unattributed: 0, otherProtocol: 0, malformed: 0, ownerless: 0 };
  registerJob(identity3, cgroups, sink, opts = {}) {
    this.registry.register(identity3, cgroups, sink, opts.workerPid);
    if (opts.protectPids?.length) this.protection.protect(identity3.id, opts.protectPids);
  }
  /** Processes already in the job when it registered (see JobProcesses.bootstrap). */
  bootstrap(jobId2, pids) {
    const job = this.registry.get(jobId2);
    if (!job) throw new Error(`unknown job ${jobId2}`);
    this.processes.bootstrap(job, pids);
  }
  /**
   * Removes every trace of the job from the kernel maps and the mirror,
   * after sending its DNS questions still held for an answer; returns how
   * many events the job got in all.
   */
  unregisterJob(jobId2) {
    this.releaseHeldDomains(jobId2);
    this.staging.dropJob(jobId2);
    this.processes.forgetJob(jobId2);
    this.protection.release(jobId2);
    return this.registry.remove(jobId2)?.delivered ?? 0;
  }
  jobIds() {
    return [...this.registry.jobs.keys()];
  }
  delivered(jobId2) {
    return this.registry.get(jobId2)?.delivered ?? 0;
  }
  /**
   * Staging promote, first half: a container the job is creating will get a
   * cgroup with this basename; when the kernel sees it made, it is the job's.
   */
  stage(jobId2, basename2, container) {
    if (!this.registry.get(jobId2)) throw new Error(`unknown job ${jobId2}`);
    this.staging.stage(jobId2, basename2, container);
  }
  /** Drops staging entries never promoted (a create that was never started). */
  expireStaging(maxAgeMs) {
    this.staging.expire(maxAgeMs);
  }
  /** The job whose tracked cgroup has this id, if any. */
  jobOfCgroup(id) {
    return this.registry.jobOfCgroup(id);
  }
  /** Jobs registered longer ago than maxAgeMs (never unregistered: the runner died). */
  staleJobs(maxAgeMs) {
    return this.registry.staleJobs(maxAgeMs);
  }
  processCount() {
    return this.processes.table.size;
  }
  /** Sizes of every mirror table: all zero once the last job is gone. */
  mirrorSizes() {
    return { ...this.registry.sizes(), ...this.staging.sizes(), ...this.processes.sizes(), ...this.protection.sizes() };
  }
  noteMalformed() {
    this.counts.malformed++;
  }
  handle(s) {
    if (s.kind === "cgroup") {
      this.handleCgroup(s);
      return;
    }
    const jobId2 = this.registry.jobOfCgroup(s.cgroupId) ?? this.processes.jobOf(s.pid);
    const job = jobId2 !== void 0 ? this.registry.get(jobId2) : void 0;
    if (!job) {
      this.counts.unattributed++;
      return;
    }
    if (s.kind === "connect" && s.protocol === "other") {
      this.counts.otherProtocol++;
      return;
    }
    if (s.kind === "domain") {
      this.handleDomain(s, job);
      return;
    }
    const node = this.processes.nodeFor(s, job);
    const event = buildEvent(s, this.contextFor(job, s.cgroupId, node));
    if (s.kind === "exit") {
      job.domains.forgetProcess(node);
      this.processes.exited(s.pid, s.startNs);
    }
    if (event) this.deliver(job, event);
  }
  /** What a job's events say of other processes; its worker is the runner, not the job's own code. */
  lookupFor(job) {
    let lookup = this.lookups.get(job);
    if (!lookup) {
      lookup = {
        describe: (pid, startNs) => this.targets.describe(pid, startNs),
        inJob: (pid) => pid !== job.workerPid && this.processes.jobOf(pid) === job.id
      };
      this.lookups.set(job, lookup);
    }
    return lookup;
  }
  contextFor(job, cgroupId2, node) {
    const ctx = this.ctx;
    ctx.job = job.identity;
    ctx.container = this.registry.containerOf(cgroupId2);
    ctx.node = node;
    ctx.domainOf = job.domains;
    ctx.targets = this.lookupFor(job);
    return ctx;
  }
  /** Answers name addresses and complete held questions; names from processes go through JobDomains. */
  handleDomain(s, job) {
    if (s.source === "dns_answer") {
      for (const e2 of job.domains.answered(s)) this.deliver(job, e2);
      return;
    }
    if (s.pid === 0) {
      this.counts.ownerless++;
      return;
    }
    const node = this.processes.nodeFor(s, job);
    const e = job.domains.seenFrom(s, node, (d) => domainEvent(d, s, this.contextFor(job, s.cgroupId, node)));
    if (e) this.deliver(job, e);
  }
  /**
   * Delivers DNS questions whose answer did not come within ANSWER_WAIT_MS
   * (all of them when all is set: the records are drained and nothing more
   * will come). Called by the pump between batches.
   */
  releaseDueDomains(all = false) {
    for (const job of this.registry.jobs.values()) this.releaseDomains(job, all);
  }
  /** Sends the job's DNS questions still waiting for an answer: the job is ending. */
  releaseHeldDomains(jobId2) {
    const job = this.registry.get(jobId2);
    if (job) this.releaseDomains(job, true);
  }
  releaseDomains(job, all) {
    for (const e of job.domains.due(all)) this.deliver(job, e);
  }
  /**
   * Numbers the event in its job's log order and hands it to the job: seq is
   * per job and gapless, so a gap in a log means events were lost.
   */
  deliver(job, e) {
    e.seq = job.delivered++;
    job.sink.write(e);
  }
  handleCgroup(s) {
    if (s.op === "rmdir") {
      this.registry.removed(s.id);
      return;
    }
    let jobId2;
    let container;
    if (s.op === "mkdir") jobId2 = this.registry.jobOfCgroup(s.parentId);
    else if (s.op === "attach") jobId2 = this.processes.jobOf(s.pid) ?? this.registry.jobOfCgroup(s.cgroupId);
    else ({ jobId: jobId2, container } = this.staging.promote(s.name) ?? {});
    if (jobId2 === void 0 || !this.registry.get(jobId2)) {
      this.maps.untrackCgroup(BigInt(s.id));
      this.counts.unattributed++;
      return;
    }
    this.registry.adopt(jobId2, s, container);
  }
  /** Catches removals the kernel hook missed (JobRegistry.reconcile). */
  reconcile() {
    this.registry.reconcile();
  }
  /** Forgets removed cgroups whose grace period is over. */
  expireRemoved() {
    this.registry.expireRemoved();
  }
};

// src/kernel/address.ts
function ipv4(buf, off) {
  return `${buf[off]}.${buf[off + 1]}.${buf[off + 2]}.${buf[off + 3]}`;
}
function ipv6(buf, off) {
  const words = [];
  for (let i = 0; i < 8; i++) words.push(buf.readUInt16BE(off + i * 2));
  if (words.slice(0, 5).every((w) => w === 0) && words[5] === 65535) return ipv4(buf, off + 12);
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex2 = words.map((w) => w.toString(16));
  if (bestStart < 0) return hex2.join(":");
  const head = hex2.slice(0, bestStart).join(":");
  const tail = hex2.slice(bestStart + bestLen).join(":");
  return `${head}::${tail}`;
}

// src/kernel/decodeAccess.ts
var ACCESS_OPS = {
  [AccessOp.PTRACE]: "ptrace",
  [AccessOp.VM_READV]: "process_vm_readv",
  [AccessOp.VM_WRITEV]: "process_vm_writev",
  [AccessOp.PROC_OPEN]: "proc_mem_open"
};
var PROC_FILES = {
  [ProcFile.MEM]: "mem",
  [ProcFile.MAPS]: "maps",
  [ProcFile.SMAPS]: "smaps",
  [ProcFile.SMAPS_ROLLUP]: "smaps_rollup",
  [ProcFile.NUMA_MAPS]: "numa_maps",
  [ProcFile.PAGEMAP]: "pagemap"
};
var PREVENTIONS = {
  [Prevention.NONE]: void 0,
  [Prevention.SIGNAL]: "signal",
  [Prevention.LSM]: "lsm"
};
function decodeAccess(b, at) {
  const o = OFFSETS.cs_process_access;
  const op = ACCESS_OPS[b[at + o.op]];
  need(op !== void 0, "unknown access operation");
  const fileCode = b[at + o.proc_file];
  const procFile = PROC_FILES[fileCode];
  need(op === "proc_mem_open" ? procFile !== void 0 : fileCode === 0, "bad /proc file for the access operation");
  const preventedCode = b[at + o.prevented];
  need(preventedCode in PREVENTIONS, "unknown prevention");
  const targetPid = b.readUInt32LE(at + o.target_pid);
  need(targetPid !== 0, "access without a target");
  const sample = {
    kind: "access",
    ...base(b, at),
    op,
    request: b.readUInt32LE(at + o.request),
    targetPid,
    targetStartNs: u64(b, at + o.target_start_time_ns),
    targetInCallerNs: b[at + o.target_ns] !== 0,
    write: b[at + o.write] !== 0,
    prevented: PREVENTIONS[preventedCode]
  };
  if (procFile) sample.procFile = procFile;
  return sample;
}
function decodeMount(b, at, end) {
  const o = OFFSETS.cs_mount;
  const op = b[at + o.op] === MountOp.MOUNT ? "mount" : b[at + o.op] === MountOp.MOVE_MOUNT ? "move_mount" : void 0;
  need(op !== void 0, "unknown mount operation");
  const truncated = (b.readUInt32LE(at + OFFSETS.cs_header.flags) & Flag.PATH_TRUNCATED) !== 0;
  const tail = new Tail(at + SIZEOF.cs_mount, end);
  const source = passedPath(b, tail, b.readUInt16LE(at + o.source_len), b.readUInt16LE(at + o.source_base_len), truncated);
  const target2 = passedPath(b, tail, b.readUInt16LE(at + o.target_len), b.readUInt16LE(at + o.target_base_len), truncated);
  return { kind: "mount", ...base(b, at), op, mountFlags: b.readUInt32LE(at + o.flags), source, target: target2, pathTruncated: truncated };
}

// src/kernel/decode.ts
var MalformedRecord = class extends Error {
};
var u64 = (b, off) => b.readUInt32LE(off + 4) * 4294967296 + b.readUInt32LE(off);
var flag = (flags, bit) => (flags & bit) !== 0 ? true : void 0;
function need(cond, what) {
  if (!cond) throw new MalformedRecord(what);
}
function base(b, at) {
  const h = OFFSETS.cs_header;
  return {
    pid: b.readUInt32LE(at + h.pid),
    tid: b.readUInt32LE(at + h.tid),
    flags: b.readUInt32LE(at + h.flags),
    timeNs: u64(b, at + h.time_ns),
    cgroupId: u64(b, at + h.cgroup_id),
    startNs: u64(b, at + h.start_time_ns)
  };
}
var Tail = class {
  constructor(pos, end) {
    this.pos = pos;
    this.end = end;
  }
  pos;
  end;
  take(len) {
    need(this.pos + len <= this.end, "blob runs past the record");
    const span = [this.pos, this.pos + len];
    this.pos += len;
    return span;
  }
};
function decodeExec(b, at, end) {
  const o = OFFSETS.cs_exec;
  const flags = b.readUInt32LE(at + OFFSETS.cs_header.flags);
  const tail = new Tail(at + SIZEOF.cs_exec, end);
  const [ps, pe] = tail.take(b.readUInt16LE(at + o.path_len));
  const [as, ae] = tail.take(b.readUInt16LE(at + o.argv_len));
  const [cs, ce] = tail.take(b.readUInt16LE(at + o.cwd_len));
  return {
    kind: "exec",
    ...base(b, at),
    ppid: b.readUInt32LE(at + o.ppid),
    uid: b.readUInt32LE(at + o.uid),
    parentStartNs: u64(b, at + o.parent_start_time_ns),
    execPath: pe > ps ? componentsToPath(b, ps, pe, (flags & Flag.PATH_TRUNCATED) !== 0) : "",
    argv: splitNul(b, as, ae),
    // No components means the walk started at the root: the cwd is '/'.
    cwd: componentsToPath(b, cs, ce, (flags & Flag.CWD_TRUNCATED) !== 0),
    argvTruncated: flag(flags, Flag.ARGV_TRUNCATED),
    memfd: flag(flags, Flag.MEMFD)
  };
}
function decodeFork(b, at) {
  const o = OFFSETS.cs_fork;
  return {
    kind: "fork",
    ...base(b, at),
    ppid: b.readUInt32LE(at + o.ppid),
    uid: b.readUInt32LE(at + o.uid),
    parentStartNs: u64(b, at + o.parent_start_time_ns)
  };
}
var CGROUP_OPS = {
  [CgroupOp.MKDIR]: "mkdir",
  [CgroupOp.RMDIR]: "rmdir",
  [CgroupOp.ATTACH]: "attach",
  [CgroupOp.PROMOTE]: "promote"
};
function decodeCgroup(b, at, end) {
  const o = OFFSETS.cs_cgroup;
  const op = CGROUP_OPS[b.readUInt32LE(at + o.op)];
  need(op !== void 0, "unknown cgroup op");
  const [ns, ne] = new Tail(at + SIZEOF.cs_cgroup, end).take(b.readUInt16LE(at + o.name_len));
  return {
    kind: "cgroup",
    ...base(b, at),
    op,
    id: u64(b, at + o.id),
    parentId: u64(b, at + o.parent_id),
    name: bytesToText(b, ns, ne)
  };
}
function decodeConnect(b, at) {
  const o = OFFSETS.cs_connect;
  const proto = b[at + o.protocol];
  const family = b[at + o.family];
  need(family === 2 || family === 10, "unknown address family");
  return {
    kind: "connect",
    ...base(b, at),
    protocol: proto === 6 ? "tcp" : proto === 17 ? "udp" : "other",
    family: family === 2 ? "ipv4" : "ipv6",
    address: family === 2 ? ipv4(b, at + o.addr) : ipv6(b, at + o.addr),
    port: b.readUInt16LE(at + o.port),
    viaSendmsg: b[at + o.via_sendmsg] !== 0
  };
}
function decodeFileOpen(b, at, end) {
  const o = OFFSETS.cs_file_open;
  const flags = b.readUInt32LE(at + OFFSETS.cs_header.flags);
  const enc = b[at + o.path_enc];
  const [ps, pe] = new Tail(at + SIZEOF.cs_file_open, end).take(b.readUInt16LE(at + o.path_len));
  need(enc === PathEnc.COMPONENTS || enc === PathEnc.STRING, "unknown path encoding");
  return {
    kind: "file_open",
    ...base(b, at),
    openFlags: b.readUInt32LE(at + o.open_flags),
    access: b[at + o.access],
    path: enc === PathEnc.COMPONENTS ? componentsToPath(b, ps, pe, (flags & Flag.PATH_TRUNCATED) !== 0) : bytesToText(b, ps, pe),
    pathTruncated: flag(flags, Flag.PATH_TRUNCATED)
  };
}
var FILE_OPS = {
  [FileOp.UNLINK]: "unlink",
  [FileOp.RMDIR]: "rmdir",
  [FileOp.RENAME]: "rename",
  [FileOp.LINK]: "link",
  [FileOp.SYMLINK]: "symlink"
};
function passedPath(b, tail, pathLen, baseLen, truncated) {
  const [ps, pe] = tail.take(pathLen);
  const [bs, be] = tail.take(baseLen);
  const raw = bytesToText(b, ps, pe);
  return be > bs ? { raw, base: componentsToPath(b, bs, be, truncated) } : { raw };
}
function decodeFileOp(b, at, end) {
  const o = OFFSETS.cs_file_op;
  const flags = b.readUInt32LE(at + OFFSETS.cs_header.flags);
  const op = FILE_OPS[b.readUInt32LE(at + o.op)];
  need(op !== void 0, "unknown file op");
  const tail = new Tail(at + SIZEOF.cs_file_op, end);
  const path = passedPath(
    b,
    tail,
    b.readUInt16LE(at + o.path_len),
    b.readUInt16LE(at + o.base_len),
    (flags & Flag.PATH_TRUNCATED) !== 0
  );
  const len2 = b.readUInt16LE(at + o.path2_len);
  const base2 = b.readUInt16LE(at + o.base2_len);
  const sample = {
    kind: "file_op",
    ...base(b, at),
    op,
    opFlags: b.readUInt32LE(at + o.op_flags),
    path,
    pathTruncated: flag(flags, Flag.PATH_TRUNCATED | Flag.PATH2_TRUNCATED)
  };
  if (op === "rename" || op === "link" || op === "symlink") {
    sample.path2 = passedPath(b, tail, len2, base2, (flags & Flag.PATH2_TRUNCATED) !== 0);
  }
  return sample;
}
var SOCKET_TYPES = { 1: "stream", 2: "dgram", 5: "seqpacket" };
function decodeUnix(b, at, end) {
  const [ps, pe] = new Tail(at + SIZEOF.cs_unix_connect, end).take(b.readUInt16LE(at + OFFSETS.cs_unix_connect.path_len));
  let path;
  if (pe > ps && b[ps] === 0) {
    let end2 = pe;
    while (end2 > ps + 1 && b[end2 - 1] === 0) end2--;
    path = "@" + bytesToText(b, ps + 1, end2).replace(/\0/g, "\\x00");
  } else {
    const nul = b.indexOf(0, ps);
    path = bytesToText(b, ps, nul >= 0 && nul < pe ? nul : pe);
  }
  return { kind: "unix_connect", ...base(b, at), path, socketType: SOCKET_TYPES[b.readUInt16LE(at + OFFSETS.cs_unix_connect.sock_type)] ?? "unknown" };
}
var DOMAIN_SOURCES = {
  [DomainSource.DNS_QUERY]: "dns_query",
  [DomainSource.DNS_ANSWER]: "dns_answer",
  [DomainSource.TLS_SNI]: "tls_sni",
  [DomainSource.HTTP_HOST]: "http_host",
  [DomainSource.RESOLVED]: "resolved"
};
var HOST_LABEL = /^[a-z0-9_-]{1,63}$/;
function isHostName(name) {
  return name.length > 0 && name.length <= DOMAIN_NAME_MAX && name.split(".").every((l) => HOST_LABEL.test(l));
}
function hostName(b, start, end) {
  const name = b.toString("latin1", start, end);
  need(isHostName(name), "domain name is not a host name");
  return name;
}
function decodeAnswers(b, start, end) {
  const answers = [];
  const cnames = [];
  let at = start;
  while (at < end) {
    need(at + 2 <= end, "answer entry header runs past the record");
    const type = b[at];
    const len = b[at + 1];
    need(at + 2 + len <= end, "answer entry runs past the record");
    if (type === AnswerType.A && len === 4) answers.push(ipv4(b, at + 2));
    else if (type === AnswerType.AAAA && len === 16) answers.push(ipv6(b, at + 2));
    else if (type === AnswerType.CNAME) cnames.push(hostName(b, at + 2, at + 2 + len));
    else need(false, `bad answer entry type ${type} length ${len}`);
    at += 2 + len;
  }
  return { answers, cnames };
}
function decodeDomain(b, at, end) {
  const o = OFFSETS.cs_domain;
  const source = DOMAIN_SOURCES[b[at + o.source]];
  need(source !== void 0, "unknown domain source");
  const proto = b[at + o.protocol];
  const family = b[at + o.family];
  const resolved = source === "resolved";
  need(resolved ? proto === 0 : proto === 6 || proto === 17, "unknown domain protocol");
  need(resolved ? family === 1 : family === 2 || family === 10, "unknown address family");
  const tail = new Tail(at + SIZEOF.cs_domain, end);
  const [ns, ne] = tail.take(b.readUInt16LE(at + o.name_len));
  const [as, ae] = tail.take(b.readUInt16LE(at + o.answers_len));
  need(source === "dns_answer" || ae === as, "answers outside a DNS response");
  return {
    kind: "domain",
    ...base(b, at),
    source,
    protocol: resolved ? "unix" : proto === 6 ? "tcp" : "udp",
    family: resolved ? "unix" : family === 2 ? "ipv4" : "ipv6",
    address: resolved ? RESOLVED_SOCKET : family === 2 ? ipv4(b, at + o.addr) : ipv6(b, at + o.addr),
    port: b.readUInt16LE(at + o.port),
    name: hostName(b, ns, ne),
    qtype: b.readUInt16LE(at + o.qtype),
    txid: b.readUInt16LE(at + o.txid),
    rcode: b[at + o.rcode],
    ...decodeAnswers(b, as, ae)
  };
}
var FIXED = {
  [Kind.DOMAIN]: SIZEOF.cs_domain,
  [Kind.EXEC]: SIZEOF.cs_exec,
  [Kind.FORK]: SIZEOF.cs_fork,
  [Kind.EXIT]: SIZEOF.cs_exit,
  [Kind.CGROUP]: SIZEOF.cs_cgroup,
  [Kind.CONNECT]: SIZEOF.cs_connect,
  [Kind.FILE_OPEN]: SIZEOF.cs_file_open,
  [Kind.FILE_OP]: SIZEOF.cs_file_op,
  [Kind.UNIX_CONNECT]: SIZEOF.cs_unix_connect,
  [Kind.ACCESS]: SIZEOF.cs_process_access,
  [Kind.MOUNT]: SIZEOF.cs_mount
};
function decodeRecord(b, at, len) {
  need(len >= SIZEOF.cs_header, "record shorter than its header");
  const kind = b.readUInt16LE(at + OFFSETS.cs_header.kind);
  const fixed = FIXED[kind];
  need(fixed !== void 0, `unknown record kind ${kind}`);
  need(len >= fixed, `record of kind ${kind} shorter than its fixed part`);
  need(b.readUInt16LE(at + OFFSETS.cs_header.size) === len, "record size disagrees with the ring buffer");
  const end = at + len;
  switch (kind) {
    case Kind.EXEC:
      return decodeExec(b, at, end);
    case Kind.FORK:
      return decodeFork(b, at);
    case Kind.EXIT:
      return { kind: "exit", ...base(b, at), status: b.readUInt32LE(at + OFFSETS.cs_exit.exit_code) };
    case Kind.CGROUP:
      return decodeCgroup(b, at, end);
    case Kind.CONNECT:
      return decodeConnect(b, at);
    case Kind.FILE_OPEN:
      return decodeFileOpen(b, at, end);
    case Kind.FILE_OP:
      return decodeFileOp(b, at, end);
    case Kind.DOMAIN:
      return decodeDomain(b, at, end);
    case Kind.ACCESS:
      return decodeAccess(b, at);
    case Kind.MOUNT:
      return decodeMount(b, at, end);
    default:
      return decodeUnix(b, at, end);
  }
}
function decodeBatch(b, len, onSample, onMalformed) {
  let at = 0;
  while (at + 8 <= len) {
    const recLen = b.readUInt32LE(at);
    const next = at + 8 + Math.ceil(recLen / 8) * 8;
    if (next > len) {
      onMalformed("batch framing runs past the buffer");
      return;
    }
    let sample;
    try {
      sample = decodeRecord(b, at + 8, recLen);
    } catch (err) {
      if (!(err instanceof MalformedRecord) && !(err instanceof RangeError)) throw err;
      onMalformed(err.message);
    }
    if (sample) onSample(sample);
    at = next;
  }
}

// src/kerneltracker/pump.ts
var Pump = class {
  constructor(sensor, tracker, opts = {}) {
    this.sensor = sensor;
    this.tracker = tracker;
    this.opts = opts;
    this.buf = Buffer.alloc(opts.batchBytes ?? 4 << 20);
  }
  sensor;
  tracker;
  opts;
  buf;
  stopping = false;
  done;
  drainWaiters = [];
  batches = 0;
  consume(n) {
    if (n <= 0) return;
    this.batches++;
    decodeBatch(
      this.buf,
      n,
      (s) => this.tracker.handle(s),
      () => this.tracker.noteMalformed()
    );
  }
  /**
   * Takes what the kernel has written with cheap synchronous calls, not one
   * thread-pool round trip per handful of records (a busy job writes
   * continuously, so every wait would return at once with a few records);
   * bounded so control requests and the docker proxy still get their turn.
   */
  drainFor(n, budgetMs) {
    const end = performance.now() + budgetMs;
    while (n > 0) {
      this.consume(n);
      if (performance.now() >= end) break;
      n = this.sensor.pollNow(this.buf);
    }
  }
  start() {
    this.done ??= this.loop();
  }
  async loop() {
    const pollMs = this.opts.pollMs ?? 100;
    while (!this.stopping) {
      this.drainFor(await this.sensor.poll(this.buf, pollMs), 50);
      this.tracker.expireRemoved();
      this.tracker.releaseDueDomains();
      this.opts.afterBatch?.();
      if (this.drainWaiters.length) {
        this.drain();
        for (const wake of this.drainWaiters.splice(0)) wake();
      }
    }
  }
  /**
   * Resolves once everything the kernel wrote before the call has been
   * handled. The ring buffer has one consumer, so the loop does the
   * draining between its waits rather than a second reader racing it.
   */
  settle() {
    if (!this.done || this.stopping) {
      this.drain();
      return Promise.resolve();
    }
    return new Promise((resolve2) => this.drainWaiters.push(resolve2));
  }
  /** Synchronously drains everything the kernel has written so far. */
  drain() {
    for (let n = this.sensor.pollNow(this.buf); n > 0; n = this.sensor.pollNow(this.buf)) this.consume(n);
    this.opts.afterBatch?.();
  }
  /** Stops the loop after its current wait, then drains. */
  async stop() {
    this.stopping = true;
    await this.done;
    this.drain();
    this.tracker.releaseDueDomains(true);
    this.opts.afterBatch?.();
    for (const wake of this.drainWaiters.splice(0)) wake();
  }
};

// src/kerneltracker/status.ts
function sensorStatus(plan, counters, counts, ringbufBytes) {
  return {
    plan,
    hooks: counters,
    lostRecords: counters.reduce((sum, c) => sum + c.lost, 0),
    undecodable: counts.malformed,
    ringbufBytes
  };
}

// src/recording/docker.ts
import { chmodSync, chownSync, existsSync as existsSync5, rmSync as rmSync2, statSync as statSync2 } from "node:fs";
import { join as join4 } from "node:path";

// src/proxy/interpose.ts
import { execFileSync } from "node:child_process";
import { existsSync as existsSync4, readFileSync as readFileSync4, realpathSync, rmSync, writeFileSync as writeFileSync2 } from "node:fs";
import { join as join3 } from "node:path";
var recordPath = (stateDir) => join3(stateDir, "interpose.json");
function mountPoints() {
  return readFileSync4("/proc/self/mountinfo", "utf8").split("\n").filter(Boolean).map((line) => line.split(" ")[4].replace(/\\([0-7]{3})/g, (_, o) => String.fromCharCode(parseInt(o, 8))));
}
function unmountAll(path) {
  for (let i = 0; i < 16 && mountPoints().includes(path); i++) execFileSync("umount", [path]);
}
function bind(source, target2) {
  execFileSync("mount", ["--bind", source, target2]);
}
function repairInterposition(stateDir) {
  const path = recordPath(stateDir);
  if (!existsSync4(path)) return void 0;
  const rec = JSON.parse(readFileSync4(path, "utf8"));
  unmountAll(rec.defaultPath);
  unmountAll(rec.upstreamPath);
  rmSync(rec.upstreamPath, { force: true });
  rmSync(path, { force: true });
  return rec;
}
function interpose(stateDir, defaultPath, proxyPath) {
  const real = realpathSync(defaultPath);
  const rec = { defaultPath: real, upstreamPath: join3(stateDir, "docker.upstream.sock") };
  writeFileSync2(recordPath(stateDir), JSON.stringify(rec) + "\n");
  writeFileSync2(rec.upstreamPath, "");
  try {
    bind(real, rec.upstreamPath);
    bind(proxyPath, real);
  } catch (err) {
    repairInterposition(stateDir);
    throw err;
  }
  return rec;
}

// src/proxy/server.ts
import http from "node:http";
import net from "node:net";

// src/native/peer.ts
function peerPid(socket) {
  const fd = socket._handle?.fd;
  if (fd === void 0 || fd < 0) return void 0;
  const pid = nativeApi().cs_peer_pid(fd);
  return pid > 0 ? pid : void 0;
}

// src/proxy/decide.ts
var VERSIONED = /^\/v\d+(?:\.\d+)?(\/.*)$/;
function unversioned(path) {
  const q = path.indexOf("?");
  const bare = q >= 0 ? path.slice(0, q) : path;
  return VERSIONED.exec(bare)?.[1] ?? bare;
}
function classify(method, url) {
  if (method !== "POST" || !url) return "forward";
  const path = unversioned(url);
  if (path === "/containers/create") return "container-create";
  if (path === "/build") return "build";
  return "forward";
}
function requestedName(url) {
  const q = url.indexOf("?");
  if (q < 0) return void 0;
  const name = new URLSearchParams(url.slice(q + 1)).get("name");
  return name ? name.replace(/^\//, "") : void 0;
}
function requestedImage(body) {
  if (!body || body.length === 0) return void 0;
  try {
    const parsed = JSON.parse(body.toString("utf8"));
    return typeof parsed.Image === "string" ? parsed.Image : void 0;
  } catch {
    return void 0;
  }
}
var CONTAINER_ID = /^[0-9a-f]{64}$/;
function createdId(body) {
  if (!body) return void 0;
  try {
    const id = JSON.parse(body.toString("utf8")).Id;
    return typeof id === "string" && CONTAINER_ID.test(id) ? id : void 0;
  } catch {
    return void 0;
  }
}
function cgroupDriverFromInfo(body) {
  try {
    const driver = JSON.parse(body?.toString("utf8") ?? "").CgroupDriver;
    return driver === "systemd" || driver === "cgroupfs" ? driver : void 0;
  } catch {
    return void 0;
  }
}
function containerCgroupBasename(id, driver) {
  return driver === "systemd" ? `docker-${id}.scope` : id;
}

// src/proxy/server.ts
var MAX_INSPECTED_BYTES = 1 << 20;
function upstreamError(res, upstream, err) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify({ message: `cicd-sensor docker proxy: the Docker daemon at ${upstream} is unavailable: ${err.message}` });
  res.writeHead(502, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) });
  res.end(body);
}
function tee(stream) {
  const chunks = [];
  let size = 0;
  let overflow = false;
  stream.on("data", (chunk) => {
    if (overflow) return;
    size += chunk.length;
    if (size > MAX_INSPECTED_BYTES) {
      overflow = true;
      chunks.length = 0;
    } else chunks.push(chunk);
  });
  return () => overflow ? void 0 : Buffer.concat(chunks);
}
var DockerProxy = class {
  constructor(upstream, hooks) {
    this.upstream = upstream;
    this.hooks = hooks;
    this.agent = new http.Agent({ keepAlive: true, socketPath: upstream });
    this.server = http.createServer(
      { requestTimeout: 0, headersTimeout: 0, keepAliveTimeout: 0 },
      (req, res) => this.forward(req, res)
    );
    this.server.on("upgrade", (req, socket, head) => this.pipeUpgrade(req, socket, head));
    this.server.on("clientError", (_err, socket) => socket.destroy());
  }
  upstream;
  hooks;
  server;
  agent;
  driver;
  listen(path) {
    return new Promise((resolve2, reject) => {
      this.server.once("error", reject);
      this.server.listen(path, () => resolve2());
    });
  }
  close() {
    this.server.close();
    this.server.closeAllConnections();
    this.agent.destroy();
  }
  forward(req, res) {
    const kind = classify(req.method, req.url);
    const upReq = http.request({
      agent: this.agent,
      socketPath: this.upstream,
      method: req.method,
      path: req.url,
      headers: req.rawHeaders
    });
    const requestBody = kind === "container-create" ? tee(req) : void 0;
    if (kind === "build") this.noteBuild(req);
    upReq.on("error", (err) => upstreamError(res, this.upstream, err));
    upReq.on("response", (upRes) => {
      if (kind === "container-create" && upRes.statusCode === 201) {
        this.relayCreate(req, res, upRes, requestBody?.());
        return;
      }
      res.writeHead(upRes.statusCode ?? 502, upRes.statusMessage, upRes.rawHeaders);
      res.flushHeaders();
      upRes.pipe(res);
      upRes.on("error", () => res.destroy());
    });
    res.on("close", () => {
      if (!res.writableFinished) upReq.destroy();
    });
    req.pipe(upReq);
  }
  noteBuild(req) {
    const pid = peerPid(req.socket);
    const jobId2 = pid === void 0 ? void 0 : this.hooks.jobOfPid(pid);
    if (jobId2 === void 0) return;
    this.hooks.note(
      jobId2,
      "docker build ran through the proxy: its RUN steps execute in containers the builder creates itself, which are not attributed to the job."
    );
  }
  /** Holds the create reply until the container's cgroup is staged. */
  relayCreate(req, res, upRes, requestBody) {
    const chunks = [];
    upRes.on("data", (c) => chunks.push(c));
    upRes.on("error", () => res.destroy());
    upRes.on("end", () => {
      const body = Buffer.concat(chunks);
      const done = () => {
        res.writeHead(upRes.statusCode ?? 201, upRes.statusMessage, upRes.rawHeaders);
        res.end(body);
      };
      this.stageCreate(req, body, requestBody).then(done, (err) => {
        this.hooks.log(`docker proxy: staging failed: ${err.message}`);
        done();
      });
    });
  }
  async stageCreate(req, body, requestBody) {
    const pid = peerPid(req.socket);
    const jobId2 = pid === void 0 ? void 0 : this.hooks.jobOfPid(pid);
    const id = createdId(body);
    if (jobId2 === void 0 || id === void 0) return;
    const driver = await this.cgroupDriver();
    const container = { id, name: requestedName(req.url ?? ""), image: requestedImage(requestBody) };
    this.hooks.stage(jobId2, containerCgroupBasename(id, driver), container);
  }
  /** Asked of the daemon once: which cgroup name a container will get. */
  async cgroupDriver() {
    if (this.driver) return this.driver;
    const body = await new Promise((resolve2, reject) => {
      http.get({ agent: this.agent, socketPath: this.upstream, path: "/info" }, (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => resolve2(Buffer.concat(chunks)));
        res.on("error", reject);
      }).on("error", reject);
    });
    this.driver = cgroupDriverFromInfo(body) ?? "cgroupfs";
    return this.driver;
  }
  /**
   * attach and exec hijack their connection. The request goes upstream as
   * the client sent it, and from then on bytes flow both ways untouched; an
   * end from either side is passed on as a half-close.
   */
  pipeUpgrade(req, client, head) {
    const up = net.connect({ path: this.upstream, allowHalfOpen: true });
    const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
    for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
    up.on("connect", () => {
      up.write(lines.join("\r\n") + "\r\n\r\n");
      if (head.length) up.write(head);
      client.pipe(up);
      up.pipe(client);
    });
    up.on("error", (err) => {
      if (!client.destroyed) {
        const body = JSON.stringify({ message: `cicd-sensor docker proxy: the Docker daemon at ${this.upstream} is unavailable: ${err.message}` });
        client.end(`HTTP/1.1 502 Bad Gateway\r
Content-Type: application/json\r
Content-Length: ${Buffer.byteLength(body)}\r
\r
${body}`);
      }
    });
    client.on("error", () => up.destroy());
    up.on("close", (hadError) => hadError ? client.destroy() : client.end());
    client.on("close", () => up.destroy());
  }
};

// src/recording/docker.ts
var isSocket = (path) => {
  try {
    return statSync2(path).isSocket();
  } catch {
    return false;
  }
};
function resolveUpstream(explicit) {
  if (explicit) return explicit;
  const host = process.env.DOCKER_HOST;
  if (host?.startsWith("unix://")) return host.slice("unix://".length);
  return isSocket("/var/run/docker.sock") ? "/var/run/docker.sock" : void 0;
}
function jobOfPid(pid, cgroupRoot, tracker) {
  const rel = processCgroup(pid);
  if (rel === void 0) return void 0;
  try {
    return tracker.jobOfCgroup(Number(cgroupId(join4(cgroupRoot, rel))));
  } catch {
    return void 0;
  }
}
async function startDocker(opts) {
  repairInterposition(opts.socketDir);
  const upstream = resolveUpstream(opts.upstream);
  if (!upstream || !existsSync5(upstream)) {
    opts.log.info("docker proxy: no Docker daemon socket found; not started");
    return void 0;
  }
  const proxyPath = join4(opts.socketDir, "docker.sock");
  const interposed = opts.interpose;
  const forwardTo = interposed ? join4(opts.socketDir, "docker.upstream.sock") : upstream;
  const proxy = new DockerProxy(forwardTo, {
    jobOfPid: (pid) => jobOfPid(pid, opts.cgroupRoot, opts.tracker),
    stage: (jobId2, basename2, container) => {
      opts.tracker.stage(jobId2, basename2, container);
      opts.log.info(`docker proxy: staged ${basename2} (${container.image ?? "?"}) for job ${jobId2}`);
    },
    note: opts.note,
    log: (m) => opts.log.warn(m)
  });
  rmSync2(proxyPath, { force: true });
  await proxy.listen(proxyPath);
  const real = statSync2(upstream);
  chownSync(proxyPath, 0, real.gid);
  chmodSync(proxyPath, real.mode & 511);
  let interposition;
  try {
    if (interposed) interposition = interpose(opts.socketDir, upstream, proxyPath);
  } catch (err) {
    proxy.close();
    throw new Error(`cannot put the docker proxy on ${upstream}: ${err.message}`);
  }
  opts.log.info(`docker proxy: ${proxyPath} -> ${forwardTo}${interposition ? ` (also on ${interposition.defaultPath})` : ""}`);
  return {
    proxyPath,
    upstream,
    interposition,
    bypassPaths: interposition ? [interposition.upstreamPath] : [upstream, "/var/run/docker.sock", "/run/docker.sock"],
    close: () => {
      if (interposition) repairInterposition(opts.socketDir);
      proxy.close();
    }
  };
}

// src/recording/jobRecording.ts
import { rmSync as rmSync3 } from "node:fs";
import { join as join6 } from "node:path";

// src/events/logWriter.ts
import { closeSync as closeSync2, fsyncSync, openSync as openSync2, writeSync } from "node:fs";

// src/events/lineLayout.ts
var SHARED_KEYS = ["job", "cgroup_id", "container", "step", "process"];
var PAYLOAD_KEYS = ["network", "file", "domain", "unix_socket", "mount", "http", "access"];
var fieldStart = (key) => `,"${key}":`;
var SHARED_START = fieldStart(SHARED_KEYS[0]);
var PROCESS_START = fieldStart("process");
var PAYLOAD_STARTS = PAYLOAD_KEYS.map(fieldStart);

// src/events/eventLine.ts
var shared = /* @__PURE__ */ new WeakMap();
function sharedJson(value) {
  let json = shared.get(value);
  if (json === void 0) {
    json = JSON.stringify(value);
    shared.set(value, json);
  }
  return json;
}
var last;
function sharedRun(e) {
  if (last && last.job === e.job && last.cgroupId === e.cgroup_id && last.container === e.container && last.step === e.step && last.process === e.process) {
    return last.text;
  }
  let text2 = `"job":${sharedJson(e.job)},"cgroup_id":${e.cgroup_id}`;
  if (e.container !== void 0) text2 += `,"container":${sharedJson(e.container)}`;
  if (e.step !== void 0) text2 += `,"step":${sharedJson(e.step)}`;
  text2 += `,"process":${sharedJson(e.process)}`;
  last = { job: e.job, cgroupId: e.cgroup_id, container: e.container, step: e.step, process: e.process, text: text2 };
  return text2;
}
function eventLine(e) {
  let line = `{"seq":${e.seq},"time":${JSON.stringify(e.time)},"kind":${JSON.stringify(e.kind)},${sharedRun(e)}`;
  for (let i = 0; i < PAYLOAD_KEYS.length; i++) {
    const value = e[PAYLOAD_KEYS[i]];
    if (value !== void 0) line += `${PAYLOAD_STARTS[i]}${JSON.stringify(value)}`;
  }
  return `${line}}
`;
}

// src/events/logWriter.ts
var EventLogWriter = class {
  constructor(path, onEvent, flushBytes = 1 << 20) {
    this.path = path;
    this.onEvent = onEvent;
    this.fd = openSync2(path, "a", 384);
    this.buf = Buffer.allocUnsafe(flushBytes);
  }
  path;
  onEvent;
  fd;
  buf;
  used = 0;
  written = 0;
  write(event) {
    const line = eventLine(event);
    if (this.used + line.length * 3 > this.buf.length) {
      this.flush();
      if (line.length * 3 > this.buf.length) this.buf = Buffer.allocUnsafe(line.length * 3);
    }
    this.used += this.buf.write(line, this.used, "utf8");
    this.written++;
    this.onEvent?.(event);
  }
  flush() {
    let off = 0;
    while (off < this.used) off += writeSync(this.fd, this.buf, off, this.used - off);
    this.used = 0;
  }
  close() {
    this.flush();
    fsyncSync(this.fd);
    closeSync2(this.fd);
  }
};

// src/report/files.ts
import { writeFileSync as writeFileSync3 } from "node:fs";
import { join as join5 } from "node:path";

// src/report/escape.ts
var DEFAULT_MAX_CHARS = 200;
var INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
var NAMED_ESCAPES = { "\n": "\\n", "\r": "\\r", "	": "\\t" };
function visible(s) {
  return s.replace(INVISIBLE, escapeChar);
}
function escapeChar(ch) {
  const code = ch.charCodeAt(0);
  if (NAMED_ESCAPES[ch] !== void 0) return NAMED_ESCAPES[ch];
  return code <= 255 ? `\\x${hex(code, 2)}` : `\\u{${hex(code, 4)}}`;
}
function hex(code, width) {
  return code.toString(16).toUpperCase().padStart(width, "0");
}
function cap(s, max = DEFAULT_MAX_CHARS) {
  if (s.length <= max) return s;
  let end = Math.max(0, max);
  const last2 = s.charCodeAt(end - 1);
  if (last2 >= 55296 && last2 <= 56319) end -= 1;
  return `${s.slice(0, end)}\u2026 (${s.length} chars)`;
}
function plainText(s, max = DEFAULT_MAX_CHARS) {
  return visible(cap(s, max));
}
var MARKUP = /[&<>"'|`*_[\]#!~\\$]/g;
var ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
function entity(ch) {
  return ENTITIES[ch] ?? `&#${ch.charCodeAt(0)};`;
}
function htmlText(s, max = DEFAULT_MAX_CHARS) {
  return plainText(s, max).replace(MARKUP, entity);
}
function mdCell(s, max = DEFAULT_MAX_CHARS) {
  return htmlText(s, max);
}
function mdCode(s, max = DEFAULT_MAX_CHARS) {
  return `<code>${htmlText(s, max)}</code>`;
}
var SHELL_SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;
function formatArgv(argv) {
  return argv.map(shellQuote).join(" ");
}
function shellQuote(arg) {
  if (SHELL_SAFE.test(arg)) return arg;
  return `'${arg.replaceAll("'", `'\\''`)}'`;
}

// src/report/numbers.ts
function fmt(n) {
  return n.toLocaleString("en-US");
}
function binaryBytes(n) {
  const units = ["bytes", "KiB", "MiB", "GiB"];
  let unit = 0;
  while (n >= 1024 && unit < units.length - 1) {
    n /= 1024;
    unit++;
  }
  return `${fmt(Math.round(n * 10) / 10)} ${units[unit]}`;
}

// src/report/statusRows.ts
function statusRows(model, cell) {
  const { status, events } = model;
  const attached = status.plan.filter((p) => p.mechanism !== "none").length;
  const rows = [
    ["Sensor", `${attached} of ${status.plan.length} hooks attached`],
    ["Events", fmt(events.total)],
    ["Lost records", fmt(status.lostRecords)],
    ["Undecodable records", fmt(status.undecodable)],
    ["Ring buffer", binaryBytes(status.ringbufBytes)]
  ];
  const protection = protectionRow(status.plan);
  if (protection) rows.push(protection);
  if (events.firstTime !== void 0 && events.lastTime !== void 0) {
    rows.push(["Events from", `${cell(events.firstTime)} to ${cell(events.lastTime)}`]);
  }
  if (model.startedAt !== void 0) rows.push(["Sensor started", cell(model.startedAt)]);
  if (model.endedAt !== void 0) rows.push(["Sensor ended", cell(model.endedAt)]);
  return rows;
}
function protectionRow(plan) {
  const hook = plan.find((p) => p.hook === "protect_runner");
  if (!hook) return void 0;
  const how = {
    lsm: "refused in the kernel (BPF LSM)",
    bpf_send_signal: "the reader is killed before it reads (bpf_send_signal)",
    none: "not available on this kernel: accesses are recorded, not stopped (see the attach plan)"
  };
  return ["Runner memory protection", how[hook.mechanism] ?? hook.mechanism];
}

// src/events/eventRecord.ts
var EVENT_KINDS = [
  "process_exec",
  "process_exit",
  "network_connect",
  "file_open",
  "file_remove",
  "file_move",
  "file_link",
  "domain",
  "unix_socket_connect",
  "mount",
  "http_request",
  "process_access"
];

// src/report/counting.ts
var MAX_STORED_CHARS = 16384;
var MAX_STORED_ARGS = 1024;
function clip2(s) {
  return s.length <= MAX_STORED_CHARS ? s : `${s.slice(0, MAX_STORED_CHARS)}\u2026 (${s.length} chars)`;
}
function clipArgv(argv) {
  const kept = argv.slice(0, MAX_STORED_ARGS).map(clip2);
  if (argv.length > MAX_STORED_ARGS) kept.push(`\u2026 (${argv.length - MAX_STORED_ARGS} more arguments)`);
  return kept;
}
var { imul, clz32, floor, min } = Math;
function hash53(s) {
  let h1 = 2166136261;
  let h2 = 2538058380;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = imul(h1 ^ c, 16777619);
    h2 = imul(h2 ^ c, 1540483477);
    h2 ^= h2 >>> 13;
  }
  return (fmix32(h1) >>> 0) * 2097152 + (fmix32(h2) >>> 11);
}
function fmix32(h) {
  h = imul(h ^ h >>> 16, 2246822507);
  h = imul(h ^ h >>> 13, 3266489909);
  return h ^ h >>> 16;
}
var LARGE = { exactLimit: 4096, precisionBits: 12 };
var SMALL = { exactLimit: 64, precisionBits: 8 };
var DistinctCounter = class {
  constructor(size) {
    this.size = size;
  }
  size;
  exact = /* @__PURE__ */ new Set();
  registers;
  addHash(h) {
    if (this.exact === void 0) return this.addToSketch(h);
    this.exact.add(h);
    if (this.exact.size > this.size.exactLimit) this.spill(this.exact);
  }
  get estimated() {
    return this.exact === void 0;
  }
  count() {
    return this.exact?.size ?? Math.max(this.size.exactLimit + 1, this.estimate());
  }
  spill(exact) {
    this.registers = new Uint8Array(1 << this.size.precisionBits);
    this.exact = void 0;
    for (const h of exact) this.addToSketch(h);
  }
  addToSketch(h53) {
    const bits = this.size.precisionBits;
    const h = floor(h53 / 2097152);
    const index = h >>> 32 - bits;
    const rank = min(clz32(h << bits >>> 0) + 1, 33 - bits);
    const registers = this.registers;
    if (rank > registers[index]) registers[index] = rank;
  }
  estimate() {
    const registers = this.registers;
    const m = registers.length;
    let sum = 0;
    let zeros = 0;
    for (const r of registers) {
      sum += 2 ** -r;
      if (r === 0) zeros++;
    }
    const raw = 0.7213 / (1 + 1.079 / m) * m * m / sum;
    return Math.round(raw <= 2.5 * m && zeros > 0 ? m * Math.log(m / zeros) : raw);
  }
};
var SampleSet = class {
  constructor(limit) {
    this.limit = limit;
  }
  limit;
  values = [];
  hashes = [];
  extra;
  /** `key` identifies the value; only its hash is kept. */
  add(key, value) {
    const h = hash53(key);
    if (this.hashes.includes(h)) return;
    if (this.values.length < this.limit) {
      this.values.push(value());
      this.hashes.push(h);
    } else {
      (this.extra ??= new DistinctCounter(SMALL)).addHash(h);
    }
  }
  toSamples() {
    return { values: [...this.values], omitted: this.extra?.count() ?? 0 };
  }
};
var FirstSeen = class {
  constructor(limit) {
    this.limit = limit;
  }
  limit;
  entries = /* @__PURE__ */ new Map();
  overflow = new DistinctCounter(LARGE);
  overflowEvents = 0;
  hit(key, make) {
    const h = hash53(key);
    let entry = this.entries.get(h);
    if (entry === void 0) {
      if (this.entries.size >= this.limit) {
        this.overflow.addHash(h);
        this.overflowEvents++;
        return void 0;
      }
      entry = make();
      this.entries.set(h, entry);
    }
    entry.count++;
    return entry;
  }
  peek(key) {
    return this.entries.get(hash53(key));
  }
  /** Entries most counted first; ties keep first-seen order. */
  capped(toItem) {
    const items = [...this.entries.values()].map(toItem).sort((a, b) => b.count - a.count);
    return {
      items,
      omitted: this.overflow.count(),
      omittedEstimated: this.overflow.estimated,
      omittedEvents: this.overflowEvents
    };
  }
};
var TopCounted = class {
  constructor(keep) {
    this.keep = keep;
  }
  keep;
  entries = /* @__PURE__ */ new Map();
  seen = new DistinctCounter(LARGE);
  events = 0;
  hit(key, make) {
    const h = hash53(key);
    this.events++;
    this.seen.addHash(h);
    let entry = this.entries.get(h);
    if (entry === void 0) {
      if (this.entries.size >= 2 * this.keep) this.prune();
      entry = make();
      this.entries.set(h, entry);
    }
    entry.count++;
    return entry;
  }
  prune() {
    const top = [...this.entries].sort((a, b) => b[1].count - a[1].count).slice(0, this.keep);
    this.entries = new Map(top);
  }
  capped(toItem) {
    const all = [...this.entries.values()].sort((a, b) => b.count - a.count);
    const items = all.slice(0, this.keep).map(toItem);
    const kept = items.reduce((sum, item) => sum + item.count, 0);
    return {
      items,
      omitted: Math.max(0, this.seen.count() - items.length),
      omittedEstimated: this.seen.estimated,
      omittedEvents: this.events - kept
    };
  }
};

// src/report/modelTypes.ts
var DEFAULT_LIMITS = {
  rowLimit: 25,
  entryLimit: 1e3,
  readTopLimit: 100,
  treeNodeLimit: 200,
  stepLimit: 100,
  sampleLimit: 5
};
var FILE_GROUPS = ["workspace", "temp", "home", "proc", "system"];

// src/report/fileGroups.ts
function normaliseRoot(dir) {
  if (!dir) return void 0;
  const trimmed = dir.replace(/\/+$/, "");
  return trimmed === "" ? "/" : trimmed;
}
function isUnder(path, root) {
  return root === "/" ? path.startsWith("/") : path === root || path.startsWith(`${root}/`);
}
function groupRoots(meta) {
  const roots = [
    [normaliseRoot(meta.workspace), "workspace"],
    [normaliseRoot(meta.tempDir), "temp"],
    ["/tmp", "temp"],
    ["/var/tmp", "temp"]
  ];
  return roots.filter((r) => r[0] !== void 0).sort((a, b) => b[0].length - a[0].length);
}
var PROC_PID = /^\/proc\/(\d+)(?:\/|$)/;
function classifyPath(path, pid, roots) {
  for (const [root, group] of roots) if (isUnder(path, root)) return group;
  const proc = PROC_PID.exec(path);
  if (proc !== null && Number(proc[1]) !== pid) return "proc";
  if (path.startsWith("/home/") || isUnder(path, "/root")) return "home";
  return "system";
}
function mergeCapped(parts) {
  return {
    items: parts.flatMap((p) => p.items),
    omitted: parts.reduce((n, p) => n + p.omitted, 0),
    omittedEstimated: parts.some((p) => p.omittedEstimated),
    omittedEvents: parts.reduce((n, p) => n + p.omittedEvents, 0)
  };
}
var GroupedFiles = class {
  /** `groupPath` is the path an entry is grouped by: the target, for moves and links. */
  constructor(collector, groupPath) {
    this.groupPath = groupPath;
    this.parts = Object.fromEntries(FILE_GROUPS.map((g) => [g, collector()]));
  }
  groupPath;
  parts;
  hit(group, key, make) {
    this.parts[group].hit(key, make);
  }
  /** Regroups with the final roots, which may differ from those known while streaming. */
  capped(roots) {
    const merged = mergeCapped(FILE_GROUPS.map((g) => this.parts[g].capped((v) => ({ ...v }))));
    for (const item of merged.items) item.group = classifyPath(this.groupPath(item), item.pid, roots);
    merged.items.sort((a, b) => b.count - a.count);
    return merged;
  }
};

// src/report/model.ts
var DOCKER_SOCKETS = ["/var/run/docker.sock", "/run/docker.sock"];
function isWrite(file) {
  if (file.access === "write" || file.access === "read_write") return true;
  return file.flags?.some((f) => f === "O_CREAT" || f === "O_TRUNC") ?? false;
}
function stepOf(e) {
  return e.step?.label || "job";
}
var MAX_SOURCES = 8;
var DomainAcc = class {
  constructor(name, sampleLimit) {
    this.name = name;
    this.queryTypes = new SampleSet(sampleLimit);
    this.answers = new SampleSet(sampleLimit);
    this.processes = new SampleSet(sampleLimit);
  }
  name;
  count = 0;
  sources = [];
  queryTypes;
  answers;
  processes;
  add(d, execPath) {
    if (!this.sources.includes(d.source) && this.sources.length < MAX_SOURCES) this.sources.push(d.source);
    if (d.query_type !== void 0) this.queryTypes.add(d.query_type, () => clip2(d.query_type ?? ""));
    for (const c of d.cnames ?? []) this.answers.add(`CNAME ${c}`, () => clip2(`CNAME ${c}`));
    for (const a of d.answers ?? []) this.answers.add(a, () => clip2(a));
    this.processes.add(execPath, () => clip2(execPath));
  }
  toEntry() {
    return {
      name: this.name,
      count: this.count,
      sources: [...this.sources],
      queryTypes: this.queryTypes.toSamples(),
      answers: this.answers.toSamples(),
      processes: this.processes.toSamples()
    };
  }
};
var StepAcc = class {
  constructor(label, nodeLimit) {
    this.label = label;
    this.nodeLimit = nodeLimit;
  }
  label;
  nodeLimit;
  count = 0;
  nodes = [];
  latestByPid = /* @__PURE__ */ new Map();
  omitted = 0;
  addExec(p) {
    if (this.nodes.length >= this.nodeLimit) {
      this.omitted++;
      return;
    }
    const node = { pid: p.pid, ppid: p.ppid, execPath: clip2(p.exec_path), argv: clipArgv(p.argv) };
    const previous = this.latestByPid.get(p.pid);
    const parent = previous ?? this.latestByPid.get(p.ppid);
    if (parent !== void 0) node.parent = parent;
    if (previous !== void 0) node.sameProcess = true;
    this.latestByPid.set(p.pid, this.nodes.length);
    this.nodes.push(node);
  }
  addExit(p) {
    const index = this.latestByPid.get(p.pid);
    if (index === void 0) return;
    const node = this.nodes[index];
    if (p.exit_code !== void 0) node.exitCode = p.exit_code;
    if (p.exit_signal !== void 0) node.exitSignal = p.exit_signal;
  }
  toTree() {
    const nodes = this.nodes.map((n) => ({ ...n, argv: [...n.argv] }));
    return { label: this.label, count: this.count, nodes, omitted: this.omitted };
  }
};
function zeroCounts() {
  return Object.fromEntries(EVENT_KINDS.map((k) => [k, 0]));
}
function positiveLimits(opts) {
  const limits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(DEFAULT_LIMITS)) {
    const value = opts[key];
    if (value === void 0) continue;
    if (!Number.isInteger(value) || value < 1) {
      throw new RangeError(`${key} must be a positive integer, got ${value}`);
    }
    limits[key] = value;
  }
  return limits;
}
var ReportBuilder = class {
  constructor(opts = {}) {
    this.opts = opts;
    this.limits = positiveLimits(opts);
    this.streamRoots = groupRoots(opts);
    const entries = this.limits.entryLimit;
    this.executables = new FirstSeen(entries);
    this.steps = new FirstSeen(this.limits.stepLimit);
    this.network = new FirstSeen(entries);
    this.domains = new FirstSeen(entries);
    this.unixSockets = new FirstSeen(entries);
    this.containers = new FirstSeen(entries);
    const top = this.limits.readTopLimit;
    this.written = new GroupedFiles(() => new FirstSeen(entries), (v) => v.path);
    this.read = new GroupedFiles(() => new TopCounted(top), (v) => v.path);
    this.removed = new GroupedFiles(() => new FirstSeen(entries), (v) => v.path);
    this.moved = new GroupedFiles(() => new FirstSeen(entries), (v) => v.targetPath);
    this.linked = new GroupedFiles(() => new FirstSeen(entries), (v) => v.targetPath);
  }
  opts;
  limits;
  streamRoots;
  byKind = zeroCounts();
  total = 0;
  firstTime;
  lastTime;
  executables;
  steps;
  network;
  domains;
  unixSockets;
  containers;
  written;
  read;
  removed;
  moved;
  linked;
  add(e) {
    this.countEvent(e);
    if (e.container !== void 0) this.addContainer(e.container);
    switch (e.kind) {
      case "process_exec":
        return this.addExec(e);
      case "process_exit":
        return this.steps.peek(stepOf(e))?.addExit(e.process);
      case "network_connect":
        return this.addConnect(e);
      case "domain":
        return this.addDomain(e);
      case "unix_socket_connect":
        return this.addUnixSocket(e);
      case "file_open":
      case "file_remove":
      case "file_move":
      case "file_link":
        return this.addFile(e);
    }
  }
  countEvent(e) {
    this.total++;
    this.byKind[e.kind] = (this.byKind[e.kind] ?? 0) + 1;
    if (this.firstTime === void 0 || e.time < this.firstTime) this.firstTime = e.time;
    if (this.lastTime === void 0 || e.time > this.lastTime) this.lastTime = e.time;
  }
  addContainer(c) {
    const entry = this.containers.hit(c.id, () => ({ id: clip2(c.id), count: 0 }));
    if (entry === void 0) return;
    if (entry.name === void 0 && c.name !== void 0) entry.name = clip2(c.name);
    if (entry.image === void 0 && c.image !== void 0) entry.image = clip2(c.image);
  }
  addExec(e) {
    const p = e.process;
    const sampleLimit = this.limits.sampleLimit;
    const exe = this.executables.hit(p.exec_path, () => ({
      execPath: clip2(p.exec_path),
      count: 0,
      argv: new SampleSet(sampleLimit)
    }));
    exe?.argv.add(p.argv.join("\0"), () => clipArgv(p.argv));
    const label = stepOf(e);
    const nodeLimit = this.limits.treeNodeLimit;
    this.steps.hit(label, () => new StepAcc(clip2(label), nodeLimit))?.addExec(p);
  }
  addConnect(e) {
    const n = e.network;
    if (n === void 0) return;
    const key = `${n.protocol}\0${n.address}\0${n.port}\0${n.domain ?? ""}`;
    this.network.hit(key, () => ({
      protocol: n.protocol,
      family: n.family,
      address: clip2(n.address),
      port: n.port,
      ...n.domain === void 0 ? {} : { domain: clip2(n.domain) },
      count: 0,
      execPath: clip2(e.process.exec_path),
      step: clip2(stepOf(e))
    }));
  }
  addDomain(e) {
    const d = e.domain;
    if (d === void 0) return;
    const sampleLimit = this.limits.sampleLimit;
    this.domains.hit(d.name, () => new DomainAcc(clip2(d.name), sampleLimit))?.add(d, e.process.exec_path);
  }
  addUnixSocket(e) {
    const path = e.unix_socket?.path;
    if (path === void 0) return;
    this.unixSockets.hit(path, () => ({
      path: clip2(path),
      count: 0,
      execPath: clip2(e.process.exec_path),
      step: clip2(stepOf(e)),
      bypass: (this.opts.dockerSockets ?? DOCKER_SOCKETS).includes(path)
    }));
  }
  addFile(e) {
    const f = e.file;
    if (f === void 0) return;
    const group = (path) => classifyPath(path, e.process.pid, this.streamRoots);
    const entry = () => ({
      path: clip2(f.path),
      group: "system",
      count: 0,
      pid: e.process.pid,
      execPath: clip2(e.process.exec_path),
      step: clip2(stepOf(e))
    });
    const target2 = f.target_path ?? "";
    const targetPath = clip2(target2);
    if (e.kind === "file_open") (isWrite(f) ? this.written : this.read).hit(group(f.path), f.path, entry);
    else if (e.kind === "file_remove") this.removed.hit(group(f.path), f.path, entry);
    else if (e.kind === "file_move")
      this.moved.hit(group(target2), `${f.path}\0${target2}`, () => ({ ...entry(), targetPath }));
    else
      this.linked.hit(group(target2), `${f.path}\0${target2}`, () => ({
        ...entry(),
        targetPath,
        ...f.link_type === void 0 ? {} : { linkType: f.link_type }
      }));
  }
  build(status, meta) {
    const workspace = meta.workspace ?? this.opts.workspace;
    const tempDir = meta.tempDir ?? this.opts.tempDir;
    const roots = groupRoots({ workspace, tempDir });
    return {
      version: 1,
      job: { ...meta.job },
      ...meta.startedAt === void 0 ? {} : { startedAt: meta.startedAt },
      ...meta.endedAt === void 0 ? {} : { endedAt: meta.endedAt },
      endedEarly: meta.endedEarly ?? false,
      notes: [...meta.notes ?? []],
      ...workspace === void 0 ? {} : { workspace },
      ...tempDir === void 0 ? {} : { tempDir },
      rowLimit: this.limits.rowLimit,
      limits: { ...this.limits },
      status: structuredClone(status),
      events: this.totals(),
      processes: {
        executables: this.executables.capped((x) => ({
          execPath: x.execPath,
          count: x.count,
          argvSamples: x.argv.toSamples()
        })),
        trees: this.steps.capped((s) => s.toTree())
      },
      network: this.network.capped((n) => ({ ...n })),
      domains: this.domains.capped((d) => d.toEntry()),
      files: this.files(roots),
      unixSockets: this.unixSockets.capped((u) => ({ ...u })),
      containers: this.containers.capped((c) => ({ ...c }))
    };
  }
  totals() {
    return {
      total: this.total,
      byKind: { ...this.byKind },
      ...this.firstTime === void 0 ? {} : { firstTime: this.firstTime },
      ...this.lastTime === void 0 ? {} : { lastTime: this.lastTime }
    };
  }
  files(roots) {
    return {
      written: this.written.capped(roots),
      read: this.read.capped(roots),
      removed: this.removed.capped(roots),
      moved: this.moved.capped(roots),
      linked: this.linked.capped(roots)
    };
  }
};

// src/report/markdown.ts
var DEFAULT_MAX_BYTES = 1e6;
function renderMarkdown(model, opts = {}) {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let budget = fullBudget(model);
  for (; ; ) {
    const blocks = renderBlocks(model, budget, opts);
    const size = blocksBytes(blocks);
    if (size <= maxBytes) return joinBlocks(blocks);
    if (budget.rows === 1 && budget.treeNodes === 1) return fitBlocks(model, blocks, maxBytes);
    budget = shrink(budget, maxBytes / size);
  }
}
function fullBudget(model) {
  const mostNodes = Math.max(1, ...model.processes.trees.items.map((t) => t.nodes.length));
  return { rows: Math.max(1, model.rowLimit), treeNodes: mostNodes };
}
function shrink(budget, ratio) {
  const factor = Math.min(0.5, ratio);
  return {
    rows: Math.max(1, Math.floor(budget.rows * factor)),
    treeNodes: Math.max(1, Math.floor(budget.treeNodes * factor))
  };
}
function renderBlocks(model, budget, opts) {
  return [
    { title: "Header", text: header(model) },
    { title: "Notes", text: notes(model, opts) },
    { title: "Overview", text: overview(model) },
    { title: "Network destinations", text: networkSection(model, budget) },
    { title: "Domains", text: domainSection(model, budget) },
    { title: "Processes", text: executablesSection(model, budget) },
    ...treeBlocks(model, budget),
    ...fileBlocks(model, budget),
    { title: "Unix sockets", text: unixSocketSection(model, budget) },
    { title: "Containers", text: containerSection(model, budget) }
  ].filter((b) => b.text !== "");
}
function joinBlocks(blocks) {
  return blocks.map((b) => b.text).join("\n");
}
function blocksBytes(blocks) {
  return blocks.reduce((n, b) => n + byteLength(b.text) + SEPARATOR_BYTES, -SEPARATOR_BYTES);
}
function byteLength(s) {
  return Buffer.byteLength(s, "utf8");
}
var SEPARATOR_BYTES = 1;
var TITLES_IN_NOTE = 5;
function fitBlocks(model, blocks, maxBytes) {
  const [head, ...rest] = blocks;
  const kept = [];
  const dropped = [];
  let used = byteLength(head.text);
  for (const block of rest) {
    const size = SEPARATOR_BYTES + byteLength(block.text);
    if (used + size <= maxBytes) {
      kept.push(block);
      used += size;
    } else {
      dropped.push(block);
    }
  }
  let note = truncationNote(rest, dropped, maxBytes);
  while (kept.length > 0 && used + SEPARATOR_BYTES + byteLength(note) > maxBytes) {
    const last2 = kept.pop();
    used -= SEPARATOR_BYTES + byteLength(last2.text);
    dropped.push(last2);
    note = truncationNote(rest, dropped, maxBytes);
  }
  const text2 = joinBlocks([head, { title: "Left out", text: note }, ...kept]);
  return byteLength(text2) <= maxBytes ? text2 : fallback(model, maxBytes);
}
function truncationNote(all, dropped, maxBytes) {
  const inOrder = all.filter((b) => dropped.includes(b)).map((b) => htmlText(b.title, 60));
  const named2 = inOrder.slice(0, TITLES_IN_NOTE).join(", ");
  const more = inOrder.length > TITLES_IN_NOTE ? ` and ${inOrder.length - TITLES_IN_NOTE} more` : "";
  return `> [!NOTE]
> Left out to keep this summary under ${fmt(maxBytes)} bytes: ${named2}${more}. report.json has everything.
`;
}
function fallback(model, maxBytes) {
  const lost = model.status.lostRecords;
  const text2 = "# cicd-sensor report\n\n" + (lost > 0 ? `**${lost} records were lost in the kernel.**

` : "") + "The report is too large for the step summary; see report.json.\n";
  return text2.slice(0, Math.max(0, maxBytes));
}
function table(headers, rows) {
  const line = (cells) => `| ${cells.join(" | ")} |`;
  return [line(headers), line(headers.map(() => "---")), ...rows.map(line)].join("\n") + "\n";
}
var NONE = "_None observed._\n";
function moreLine(shown, kept, capped) {
  const parts = [];
  if (kept > shown) parts.push(`${fmt(kept - shown)} more in report.json`);
  if (capped !== void 0 && capped.omitted > 0) {
    const about = capped.omittedEstimated ? "about " : "";
    const events = fmt(capped.omittedEvents);
    parts.push(`${about}${fmt(capped.omitted)} more (${events} events) only in events.ndjson`);
  }
  return parts.length === 0 ? "" : `
_\u2026and ${parts.join("; ")}._
`;
}
function cappedTable(c, rows, headers, row) {
  if (c.items.length === 0 && c.omitted === 0) return NONE;
  const shown = c.items.slice(0, rows);
  return table(headers, shown.map(row)) + moreLine(shown.length, c.items.length, c);
}
function samples(s, max = 80) {
  const values = s.values.map((v) => mdCell(v, max)).join(", ");
  return s.omitted > 0 ? `${values} (+${fmt(s.omitted)})` : values;
}
function header(model) {
  const job = model.job;
  const facts = [
    job.workflow !== void 0 ? `workflow <b>${htmlText(job.workflow)}</b>` : "",
    job.repository !== void 0 ? `repository <b>${htmlText(job.repository)}</b>` : "",
    job.run_id !== void 0 ? `run ${htmlText(job.run_id)}` : "",
    job.run_attempt !== void 0 ? `attempt ${htmlText(job.run_attempt)}` : ""
  ].filter((f) => f !== "");
  const title = `# cicd-sensor report: ${htmlText(job.name ?? job.id)}
`;
  const line = facts.length > 0 ? `
${facts.join(" \xB7 ")}
` : "";
  return [title + line, ...warnings(model)].join("\n");
}
function warnings(model) {
  const { lostRecords, undecodable } = model.status;
  const out = [];
  if (lostRecords > 0) {
    out.push(
      `> [!WARNING]
> **${fmt(lostRecords)} records were lost in the kernel** (the ring buffer was full): activity is missing from this report and from events.ndjson.
`
    );
  }
  if (undecodable > 0) {
    out.push(
      `> [!WARNING]
> **${fmt(undecodable)} records could not be decoded** and are missing from this report.
`
    );
  }
  if (model.endedEarly) {
    out.push("> [!WARNING]\n> **The sensor stopped before the job ended**: later activity is missing.\n");
  }
  return out;
}
var MAX_NOTES = 20;
function notes(model, opts) {
  const lines = model.notes.slice(0, MAX_NOTES).map((n) => `- ${htmlText(n, 500)}`);
  const more = model.notes.length - MAX_NOTES;
  if (more > 0) lines.push(`- \u2026and ${fmt(more)} more notes in report.json`);
  if (opts.artifactNote !== void 0) lines.push(`- ${htmlText(opts.artifactNote, 500)}`);
  return lines.length === 0 ? "" : `${lines.join("\n")}
`;
}
function overview(model) {
  const rows = statusRows(model, (v) => mdCell(v));
  const statusTable = table(["Status", "Value"], rows);
  return ["## Overview\n", statusTable, attachPlan(model), eventsPerKind(model)].join("\n");
}
function attachPlan(model) {
  const counters = new Map(model.status.hooks.map((h) => [h.hook, h]));
  const rows = model.status.plan.map((p) => {
    const c = counters.get(p.hook);
    counters.delete(p.hook);
    const unavailable = (p.unavailable ?? []).map((u) => mdCell(`${u.mechanism} ${u.target}: ${u.error}`));
    const where = [mdCell(p.hook), mdCell(p.mechanism), mdCell(p.target)];
    return [...where, ...counterCells(c), unavailable.join("<br>")];
  });
  for (const c of counters.values()) rows.push([mdCell(c.hook), "not in plan", "", ...counterCells(c), ""]);
  if (rows.length === 0) return "### Attach plan\n\n_No hooks were planned._\n";
  const headers = ["Hook", "Mechanism", "Target", "Sent", "Lost", "Suppressed", "Unavailable"];
  return `### Attach plan

${table(headers, rows)}`;
}
function counterCells(c) {
  return c === void 0 ? ["", "", ""] : [fmt(c.sent), fmt(c.lost), fmt(c.suppressed)];
}
function eventsPerKind(model) {
  const byKind = model.events.byKind;
  const known = [...EVENT_KINDS];
  const kinds = [...known, ...Object.keys(byKind).filter((k) => !known.includes(k))];
  const rows = kinds.map((k) => [mdCell(k), fmt(byKind[k] ?? 0)]);
  return `### Events per kind

${table(["Kind", "Events"], rows)}`;
}
function networkSection(model, budget) {
  const headers = ["Protocol", "Address", "Port", "Domain", "Connections", "First process", "Step"];
  const body = cappedTable(model.network, budget.rows, headers, (n) => [
    mdCell(n.protocol),
    mdCell(n.address),
    String(n.port),
    n.domain === void 0 ? "" : mdCell(n.domain),
    fmt(n.count),
    mdCode(n.execPath),
    mdCell(n.step, 80)
  ]);
  return `## Network destinations

${body}`;
}
function domainSection(model, budget) {
  const headers = ["Domain", "Seen", "Sources", "Query types", "Answers", "Processes"];
  const body = cappedTable(model.domains, budget.rows, headers, (d) => [
    mdCell(d.name),
    fmt(d.count),
    d.sources.map((s) => mdCell(s)).join(", "),
    samples(d.queryTypes),
    samples(d.answers),
    samples(d.processes)
  ]);
  return `## Domains

${body}`;
}
function executablesSection(model, budget) {
  const headers = ["Executable", "Runs", "Arguments (samples)"];
  const body = cappedTable(model.processes.executables, budget.rows, headers, (x) => {
    const argv = x.argvSamples.values.map((a) => mdCode(formatArgv(a)));
    if (x.argvSamples.omitted > 0) argv.push(`+${fmt(x.argvSamples.omitted)} other argument lists`);
    return [mdCode(x.execPath), fmt(x.count), argv.join("<br>")];
  });
  return `## Processes

### Top executables

${body}`;
}
function treeBlocks(model, budget) {
  const trees = model.processes.trees;
  const kept = trees.items.length;
  const intro = kept === 0 && trees.omitted === 0 ? NONE : `Processes of each step in the order they started.
${moreLine(kept, kept, trees)}`;
  return [
    { title: "Process trees", text: `### Process trees

${intro}` },
    ...trees.items.map((t) => ({ title: `Process tree of ${t.label}`, text: stepTree(t, budget.treeNodes) }))
  ];
}
var MAX_DEPTH = 10;
function stepTree(tree, maxNodes) {
  const lines = treeLines(tree.nodes, maxNodes);
  const processes = tree.count === 1 ? "1 process" : `${fmt(tree.count)} processes`;
  const more = moreLine(lines.length, tree.nodes.length);
  const omitted = tree.omitted > 0 ? `
_\u2026and ${fmt(tree.omitted)} later processes only in events.ndjson._
` : "";
  return `<details><summary>${htmlText(tree.label, 120)} \u2014 ${processes}</summary>

${lines.join("\n")}
${more}${omitted}
</details>
`;
}
function treeLines(nodes, maxNodes) {
  const children = /* @__PURE__ */ new Map();
  const roots = [];
  nodes.forEach((n, i) => {
    if (n.parent === void 0 || n.parent >= i) roots.push(i);
    else if (children.has(n.parent)) children.get(n.parent)?.push(i);
    else children.set(n.parent, [i]);
  });
  const lines = [];
  const stack = roots.reverse().map((i) => [i, 0]);
  while (stack.length > 0 && lines.length < maxNodes) {
    const [index, depth] = stack.pop();
    lines.push(nodeLine(nodes[index], depth));
    for (const child of (children.get(index) ?? []).reverse()) stack.push([child, depth + 1]);
  }
  return lines;
}
function nodeLine(node, depth) {
  const indent = "  ".repeat(Math.min(depth, MAX_DEPTH));
  const deep = depth > MAX_DEPTH ? `(depth ${depth}) ` : "";
  const exec = node.sameProcess === true ? "exec \u2192 " : "";
  const facts = [`pid ${node.pid}`];
  if (node.exitCode !== void 0) facts.push(`exit ${node.exitCode}`);
  if (node.exitSignal !== void 0) facts.push(`signal ${node.exitSignal}`);
  const argv = mdCode(formatArgv(node.argv));
  return `${indent}- ${deep}${exec}${mdCode(node.execPath)} ${argv} \xB7 ${facts.join(", ")}`;
}
var GROUP_TITLES = {
  workspace: "Workspace",
  temp: "Temporary directories",
  home: "Home directories",
  proc: "Other processes (/proc)",
  system: "System"
};
var fileRow = (f) => [mdCell(f.path), fmt(f.count), mdCode(f.execPath), mdCell(f.step, 80)];
var moveRow = (f) => [mdCell(f.path), mdCell(f.targetPath), fmt(f.count), mdCode(f.execPath)];
var linkRow = (f) => [
  mdCell(f.targetPath),
  mdCell(f.path),
  mdCell(f.linkType ?? ""),
  fmt(f.count),
  mdCode(f.execPath)
];
function fileBlocks(model, budget) {
  const { written, read, removed, moved, linked } = model.files;
  const rows = budget.rows;
  const plain = (count) => ["Path", count, "First process", "Step"];
  const moveHeaders = ["From", "To", "Moves", "First process"];
  const linkHeaders = ["New link", "Points to", "Type", "Links", "First process"];
  return [
    { title: "Files", text: "## Files\n" },
    { title: "Files written", text: fileSection("Written", written, rows, plain("Opens"), fileRow) },
    { title: "Files read", text: fileSection("Read (most read first)", read, rows, plain("Opens"), fileRow) },
    { title: "Files removed", text: fileSection("Removed", removed, rows, plain("Removals"), fileRow) },
    { title: "Files moved", text: fileSection("Moved", moved, rows, moveHeaders, moveRow) },
    { title: "Files linked", text: fileSection("Linked", linked, rows, linkHeaders, linkRow) }
  ];
}
function fileSection(title, files, rows, headers, row) {
  if (files.items.length === 0 && files.omitted === 0) return `### ${title}

${NONE}`;
  const groups = FILE_GROUPS.map((g) => {
    const items = files.items.filter((f) => f.group === g);
    if (items.length === 0) return "";
    const shown = items.slice(0, rows);
    const heading = `#### ${GROUP_TITLES[g]} (${fmt(items.length)})

`;
    return heading + table(headers, shown.map(row)) + moreLine(shown.length, items.length);
  });
  const omitted = moreLine(0, 0, files);
  return [`### ${title}
`, ...groups.filter((g) => g !== ""), omitted].filter((s) => s !== "").join("\n");
}
function unixSocketSection(model, budget) {
  const sockets = model.unixSockets;
  const items = [...sockets.items].sort((a, b) => Number(b.bypass) - Number(a.bypass));
  const alert = items.some((u) => u.bypass) ? "> [!WARNING]\n> The job used the docker daemon's socket directly: containers started this way are not attributed to the job.\n\n" : "";
  const headers = ["Socket", "Connections", "First process", "Step", "Note"];
  const body = cappedTable({ ...sockets, items }, budget.rows, headers, (u) => [
    mdCell(u.path),
    fmt(u.count),
    mdCode(u.execPath),
    mdCell(u.step, 80),
    u.bypass ? "**bypass**: containers started this way are not attributed" : ""
  ]);
  return `## Unix sockets

${alert}${body}`;
}
function containerSection(model, budget) {
  const headers = ["Container", "Name", "Image", "Events"];
  const body = cappedTable(model.containers, budget.rows, headers, (c) => [
    mdCode(c.id, 64),
    c.name === void 0 ? "" : mdCell(c.name),
    c.image === void 0 ? "" : mdCell(c.image),
    fmt(c.count)
  ]);
  return `## Containers

${body}`;
}

// src/report/files.ts
function writeReportFiles(dir, model) {
  const paths = {
    events: join5(dir, "events.ndjson"),
    summary: join5(dir, "summary.md"),
    report: join5(dir, "report.json")
  };
  writeFileSync3(paths.summary, renderMarkdown(model));
  writeFileSync3(paths.report, JSON.stringify(model, null, 2) + "\n");
  return paths;
}

// src/recording/jobRecording.ts
var JobRecording = class {
  /** Registers the job in the tracker with a fresh log; on failure nothing of it is left there. */
  constructor(tracker, opts) {
    this.tracker = tracker;
    this.identity = opts.identity;
    this.dir = opts.dir;
    this.workspace = opts.workspace;
    this.notes = new Set(opts.notes);
    this.stages = opts.stages ?? [];
    this.report = new ReportBuilder({ rowLimit: opts.rowLimit, workspace: opts.workspace, dockerSockets: opts.dockerSockets });
    rmSync3(this.eventsPath, { force: true });
    this.writer = new EventLogWriter(this.eventsPath);
    try {
      tracker.registerJob(opts.identity, opts.cgroups, this, { workerPid: opts.workerPid, protectPids: opts.protectPids });
      if (opts.pids) tracker.bootstrap(opts.identity.id, opts.pids);
    } catch (err) {
      this.writer.close();
      if (tracker.jobIds().includes(opts.identity.id)) tracker.unregisterJob(opts.identity.id);
      throw err;
    }
  }
  tracker;
  identity;
  dir;
  startedAt = (/* @__PURE__ */ new Date()).toISOString();
  writer;
  report;
  stages;
  notes;
  workspace;
  delivered;
  get eventsPath() {
    return join6(this.dir, "events.ndjson");
  }
  /** The tracker's sink: the line first, then the report, then the stages. */
  write(event) {
    this.writer.write(event);
    this.report.add(event);
    for (const stage of this.stages) stage.onEvent(event);
  }
  /** Writes the buffered lines (after each batch). */
  flush() {
    this.writer.flush();
  }
  note(message) {
    this.notes.add(message);
  }
  /**
   * Leaves the tracker (its held DNS questions are logged first) and closes
   * the log; call once the ring buffer is drained. Idempotent, so a caller
   * can end the job in a finally and finish it afterwards.
   */
  end() {
    if (this.delivered === void 0) {
      this.delivered = this.tracker.unregisterJob(this.identity.id);
      this.writer.close();
    }
    return this.delivered;
  }
  /** Ends the job if needed, lets each stage finish, and writes report.json and summary.md (with every note). */
  finish(status) {
    const delivered = this.end();
    for (const stage of this.stages) stage.finish?.({ dir: this.dir, note: (m) => this.note(m) });
    const endedAt = (/* @__PURE__ */ new Date()).toISOString();
    const model = this.report.build(status, {
      job: this.identity,
      startedAt: this.startedAt,
      endedAt,
      workspace: this.workspace,
      notes: [...this.notes]
    });
    const judging = this.stages.filter((stage) => stage.findings !== void 0);
    if (judging.length > 0) model.findings = judging.flatMap((stage) => [...stage.findings]);
    return { model, delivered, startedAt: this.startedAt, endedAt, ...writeReportFiles(this.dir, model) };
  }
};

// src/recording/recorder.ts
var Recorder = class {
  constructor(sensor, plan, cgroupRoot, ringbufBytes) {
    this.sensor = sensor;
    this.plan = plan;
    this.cgroupRoot = cgroupRoot;
    this.ringbufBytes = ringbufBytes;
    this.tracker = new KernelTracker(sensor, Sensor.bootToRealtimeNs());
    this.pump = new Pump(sensor, this.tracker, { afterBatch: () => this.flush() });
  }
  sensor;
  plan;
  cgroupRoot;
  ringbufBytes;
  tracker;
  pump;
  docker_;
  recordings = /* @__PURE__ */ new Map();
  /** Starts reading the kernel and, when asked and a dockerd is there, the docker proxy. */
  async start(docker) {
    this.pump.start();
    if (!docker) return;
    this.docker_ = await startDocker({
      ...docker,
      cgroupRoot: this.cgroupRoot,
      tracker: this.tracker,
      note: (jobId2, message) => this.recordings.get(jobId2)?.note(message)
    });
  }
  get docker() {
    return this.docker_;
  }
  status() {
    return sensorStatus(this.plan, this.sensor.counters(), this.tracker.counts, this.ringbufBytes);
  }
  /** Starts recording a job (see JobRecording); the report knows the proxy's bypass paths. */
  begin(opts) {
    if (this.recordings.has(opts.identity.id)) throw new Error(`job ${opts.identity.id} is already registered`);
    const recording = new JobRecording(this.tracker, { ...opts, dockerSockets: this.docker_?.bypassPaths });
    this.recordings.set(opts.identity.id, recording);
    return recording;
  }
  get(id) {
    return this.recordings.get(id);
  }
  ids() {
    return [...this.recordings.keys()];
  }
  /** Closes a job whose records are all handled (after settle() or stop()) and writes its report. */
  finish(id) {
    const recording = this.recordings.get(id);
    if (!recording) throw new Error(`no job ${id} is registered`);
    this.recordings.delete(id);
    return recording.finish(this.status());
  }
  /** Flushes every job's log (after each batch). */
  flush() {
    for (const recording of this.recordings.values()) recording.flush();
  }
  /** Stops the docker proxy (and undoes its interposition); once. */
  closeDocker() {
    this.docker_?.close();
    this.docker_ = void 0;
  }
  /** Stops the proxy and the pump after a last drain; jobs are still open. */
  async stop() {
    this.closeDocker();
    await this.pump.stop();
  }
};

// src/platform/checks.ts
import { existsSync as existsSync6 } from "node:fs";
function checkPlatform() {
  const missing2 = [];
  if (process.platform !== "linux") missing2.push(`Linux is required (this is ${process.platform})`);
  if (typeof process.getuid === "function" && process.getuid() !== 0) {
    missing2.push("root is required to load BPF programs (run with sudo)");
  }
  if (!existsSync6("/sys/kernel/btf/vmlinux")) {
    missing2.push("kernel BTF is missing (/sys/kernel/btf/vmlinux; needs CONFIG_DEBUG_INFO_BTF)");
  }
  const cgroupRoot = cgroup2Root();
  if (!cgroupRoot) missing2.push("cgroup v2 is not mounted (no cgroup2 entry in /proc/mounts)");
  return { ok: missing2.length === 0, missing: missing2, cgroupRoot };
}

// src/kerneltracker/sensorStart.ts
function startSensor(ringbufBytes, noFunctionHooks) {
  const platform = checkPlatform();
  if (!platform.ok || !platform.cgroupRoot) return { ok: false, reason: platform.missing.join("; ") };
  let sensor;
  try {
    sensor = Sensor.open({ ringbufBytes, noFunctionHooks });
    const plan = sensor.attach(platform.cgroupRoot);
    return { ok: true, sensor, plan, cgroupRoot: platform.cgroupRoot };
  } catch (err) {
    sensor?.close();
    const text2 = err instanceof Error ? err.message : String(err);
    const [first, ...rest] = text2.split("\n");
    return { ok: false, reason: `the kernel refused the BPF sensor: ${first}`, detail: rest.join("\n") };
  }
}

// src/daemon/client.ts
import { join as join7 } from "node:path";
var controlSocketPath = (stateDir) => join7(stateDir, "control.sock");

// src/daemon/controlServer.ts
import { chmodSync as chmodSync2, chownSync as chownSync2, rmSync as rmSync4 } from "node:fs";
import net2 from "node:net";

// src/daemon/protocol.ts
var MAX_REQUEST_BYTES = 4 * 1024 * 1024;
var MAX_RULE_FILES = 64;
var MAX_NOTES2 = 16;
var ProtocolError = class extends Error {
};
var JOB_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
var IDENTITY_FIELDS = ["name", "workflow", "repository", "run_id", "run_attempt"];
function text(v, field, max = 1024) {
  if (typeof v !== "string") throw new ProtocolError(`${field} must be a string`);
  if (v.length > max) throw new ProtocolError(`${field} is longer than ${max} characters`);
  return v;
}
function identity(v) {
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new ProtocolError("job must be an object");
  const o = v;
  const id = text(o.id, "job.id", 128);
  if (!JOB_ID_PATTERN.test(id)) throw new ProtocolError('job.id may hold letters, digits, ".", "_" and "-" (1-128)');
  const job = { id };
  for (const f of IDENTITY_FIELDS) if (o[f] !== void 0) job[f] = text(o[f], `job.${f}`);
  return job;
}
function notes2(v) {
  if (!Array.isArray(v) || v.length > MAX_NOTES2) throw new ProtocolError(`notes must be an array of at most ${MAX_NOTES2} strings`);
  return v.map((n, i) => text(n, `notes[${i}]`));
}
function rules(v) {
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new ProtocolError("rules must be an object");
  const o = v;
  if (!Array.isArray(o.sources) || o.sources.length > MAX_RULE_FILES) throw new ProtocolError(`rules.sources must be an array of at most ${MAX_RULE_FILES} files`);
  const sources = o.sources.map((src, i) => {
    const f = typeof src === "object" && src !== null ? src : {};
    return { name: text(f.name, `rules.sources[${i}].name`, 4096), text: text(f.text, `rules.sources[${i}].text`, MAX_REQUEST_BYTES) };
  });
  if (typeof o.monitorMode !== "boolean") throw new ProtocolError("rules.monitorMode must be a boolean");
  return { sources, monitorMode: o.monitorMode };
}
function jobId(v) {
  const id = text(v, "id", 128);
  if (!JOB_ID_PATTERN.test(id)) throw new ProtocolError("id is not a valid job id");
  return id;
}
function register(o) {
  const req = { op: "register", job: identity(o.job) };
  if (o.cgroup !== void 0) req.cgroup = text(o.cgroup, "cgroup", 4096);
  if (o.pid !== void 0) {
    if (!Number.isSafeInteger(o.pid) || o.pid <= 0) throw new ProtocolError("pid must be a positive integer");
    req.pid = o.pid;
  }
  if (req.cgroup === void 0 === (req.pid === void 0)) throw new ProtocolError("register needs exactly one of cgroup or pid");
  if (o.notes !== void 0) req.notes = notes2(o.notes);
  if (o.rules !== void 0) req.rules = rules(o.rules);
  if (o.protect !== void 0) {
    if (typeof o.protect !== "boolean") throw new ProtocolError("protect must be true or false");
    req.protect = o.protect;
  }
  return req;
}
function parseRequest(line) {
  if (Buffer.byteLength(line) > MAX_REQUEST_BYTES) throw new ProtocolError("request too long");
  let o;
  try {
    o = JSON.parse(line);
  } catch {
    throw new ProtocolError("request is not valid JSON");
  }
  if (typeof o !== "object" || o === null || Array.isArray(o)) throw new ProtocolError("request must be a JSON object");
  const r = o;
  switch (r.op) {
    case "register":
      return register(r);
    case "unregister":
      return { op: "unregister", id: jobId(r.id) };
    case "rules":
      return { op: "rules", id: jobId(r.id), rules: rules(r.rules) };
    case "stats":
      return { op: "stats" };
    case "stop":
      return { op: "stop" };
    default:
      throw new ProtocolError(`unknown op ${JSON.stringify(r.op)?.slice(0, 64) ?? "undefined"}`);
  }
}

// src/daemon/controlServer.ts
function reply(sock, res) {
  if (!sock.destroyed && sock.writable) sock.write(JSON.stringify(res) + "\n");
}
function serve(sock, handler) {
  let buffered = "";
  let chain = Promise.resolve();
  sock.setEncoding("utf8");
  sock.on("error", () => sock.destroy());
  sock.on("data", (chunk) => {
    buffered += chunk;
    let nl;
    while ((nl = buffered.indexOf("\n")) >= 0) {
      const line = buffered.slice(0, nl).trim();
      buffered = buffered.slice(nl + 1);
      if (!line) continue;
      chain = chain.then(() => answer(sock, line, handler));
    }
    if (buffered.length > MAX_REQUEST_BYTES) {
      reply(sock, { ok: false, error: "request too long" });
      sock.destroy();
    }
  });
}
async function answer(sock, line, handler) {
  let req;
  try {
    req = parseRequest(line);
  } catch (err) {
    reply(sock, { ok: false, error: err instanceof ProtocolError ? err.message : "bad request" });
    return;
  }
  try {
    reply(sock, await handler(req));
  } catch (err) {
    reply(sock, { ok: false, error: err instanceof Error ? err.message : String(err) });
  }
}
async function listenControl(opts) {
  rmSync4(opts.path, { force: true });
  const server = net2.createServer((sock) => serve(sock, opts.handler));
  server.on("error", (err) => opts.onError?.(err));
  const oldMask = process.umask(127);
  try {
    await new Promise((resolve2, reject) => {
      server.once("error", reject);
      server.listen(opts.path, () => resolve2());
    });
  } finally {
    process.umask(oldMask);
  }
  chmodSync2(opts.path, 384);
  if (opts.owner) chownSync2(opts.path, opts.owner.uid, opts.owner.gid);
  return server;
}

// src/daemon/instance.ts
import { readFileSync as readFileSync5, rmSync as rmSync5, writeFileSync as writeFileSync4 } from "node:fs";
import { join as join8 } from "node:path";
var pidfilePath = (stateDir) => join8(stateDir, "daemon.pid");
var AlreadyRunning = class extends Error {
};
function isLiveDaemon(pid) {
  try {
    const cmdline = readFileSync5(`/proc/${pid}/cmdline`, "utf8");
    return /cicd-sensor|tracker\.js|cli\.js/.test(cmdline);
  } catch {
    return false;
  }
}
function recordedPid(stateDir) {
  try {
    const pid = Number(readFileSync5(pidfilePath(stateDir), "utf8").trim().split(/\s+/)[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : void 0;
  } catch {
    return void 0;
  }
}
function acquireInstance(stateDir) {
  const path = pidfilePath(stateDir);
  const existing = recordedPid(stateDir);
  if (existing && existing !== process.pid && isLiveDaemon(existing)) {
    throw new AlreadyRunning(`a cicd-sensor daemon (pid ${existing}) already runs on ${stateDir}`);
  }
  rmSync5(path, { force: true });
  writeFileSync4(path, `${process.pid}
`, { flag: "wx", mode: 420 });
}
function releaseInstance(stateDir) {
  try {
    if (Number(readFileSync5(pidfilePath(stateDir), "utf8").trim()) === process.pid) rmSync5(pidfilePath(stateDir));
  } catch {
  }
}

// src/daemon/jobs.ts
import { chownSync as chownSync3, existsSync as existsSync8, mkdirSync as mkdirSync2, rmdirSync as rmdirSync3, rmSync as rmSync6, writeFileSync as writeFileSync6 } from "node:fs";
import { join as join11 } from "node:path";

// node_modules/@marcbachmann/cel-js/lib/errors.js
var CelError = class extends Error {
  #node;
  #code;
  #range;
  #summary;
  constructor({ name, code, message, node, cause, range }) {
    super(message, cause ? { cause } : void 0);
    this.name = name;
    this.#code = code;
    this.#summary = message;
    this.#node = node;
    this.#range = range && normalizeRange(range) || normalizeRange(node);
    if (!node?.input) return;
    this.message = formatErrorWithHighlight(this.#summary, node, this.#range);
  }
  get node() {
    return this.#node;
  }
  get code() {
    return this.#code;
  }
  get range() {
    return this.#range;
  }
  get summary() {
    return this.#summary;
  }
  withAst(node) {
    if (this.#node || !node?.input) return this;
    this.#node = node;
    this.#range ??= normalizeRange(node);
    this.message = formatErrorWithHighlight(this.#summary, node, this.#range);
    return this;
  }
};
function normalizeArgs(name, defaultCode, message, node, cause) {
  if (typeof message === "string") return { name, code: defaultCode, message, node, cause };
  const opts = message;
  if (typeof opts !== "object") throw new Error("First param to error must be a string or object");
  return {
    name,
    code: opts.code || defaultCode,
    message: opts.message,
    node: opts.node,
    cause: opts.cause,
    range: opts.range
  };
}
var ParseError = class extends CelError {
  constructor(message, node, cause) {
    super(normalizeArgs("ParseError", "parse_error", message, node, cause));
  }
};
var EvaluationError = class extends CelError {
  constructor(message, node, cause) {
    super(normalizeArgs("EvaluationError", "evaluation_error", message, node, cause));
  }
};
var TypeError2 = class extends CelError {
  constructor(message, node, cause) {
    super(normalizeArgs("TypeError", "type_error", message, node, cause));
  }
};
function parseError(code, message, node) {
  if (typeof code === "object") return new ParseError(code);
  return new ParseError({ code, message, node });
}
function evaluationError(code, message, node) {
  if (typeof code === "object") return new EvaluationError(code);
  return new EvaluationError({ code, message, node });
}
function typeError(code, message, node) {
  if (typeof code === "object") return new TypeError2(code);
  return new TypeError2({ code, message, node });
}
function normalizeRange(node) {
  const start = node?.pos ?? node?.start;
  if (typeof start !== "number") return;
  const end = typeof node.end === "number" ? node.end : start;
  return { start, end };
}
function formatErrorWithHighlight(message, node, range) {
  const pos = node.pos ?? range?.start;
  if (typeof pos !== "number") return message;
  const input = node.input;
  let lineNum = 1;
  let currentPos = 0;
  let columnNum = 0;
  while (currentPos < pos) {
    if (input[currentPos] === "\n") {
      lineNum++;
      columnNum = 0;
    } else {
      columnNum++;
    }
    currentPos++;
  }
  let contextStart = pos;
  let contextEnd = pos;
  while (contextStart > 0 && input[contextStart - 1] !== "\n") contextStart--;
  while (contextEnd < input.length && input[contextEnd] !== "\n") contextEnd++;
  const line = input.slice(contextStart, contextEnd);
  const highlight = `> ${`${lineNum}`.padStart(4, " ")} | ${line}
${" ".repeat(9 + columnNum)}^`;
  return `${message}

${highlight}`;
}
function attachErrorAst(error, node) {
  if (error instanceof CelError) return error.withAst(node);
  return error;
}

// node_modules/@marcbachmann/cel-js/lib/optional.js
var Optional = class _Optional {
  #value;
  constructor(value) {
    this.#value = value;
  }
  static of(value) {
    if (value === void 0) return OPTIONAL_NONE;
    return new _Optional(value);
  }
  static none() {
    return OPTIONAL_NONE;
  }
  hasValue() {
    return this.#value !== void 0;
  }
  value() {
    if (this.#value === void 0) {
      throw evaluationError("optional_value_missing", "Optional value is not present");
    }
    return this.#value;
  }
  or(optional) {
    if (this.#value !== void 0) return this;
    if (optional instanceof _Optional) return optional;
    throw evaluationError(
      "invalid_optional_argument",
      "Optional.or must be called with an Optional argument"
    );
  }
  orValue(defaultValue) {
    return this.#value === void 0 ? defaultValue : this.#value;
  }
  get [Symbol.toStringTag]() {
    return "optional";
  }
  [/* @__PURE__ */ Symbol.for("nodejs.util.inspect.custom")]() {
    return this.#value === void 0 ? `Optional { none }` : `Optional { value: ${JSON.stringify(this.#value)} }`;
  }
};
var OPTIONAL_NONE = Object.freeze(new Optional());
var OptionalNamespace = class {
};
var optionalNamespace = new OptionalNamespace();
function toggleOptionalTypes(registry, enable) {
  const optionalConstant = enable ? optionalNamespace : void 0;
  registry.deleteVariable("optional");
  registry.registerConstant("optional", "OptionalNamespace", optionalConstant);
}
function register2(registry) {
  const sync = { async: false };
  const functionOverload = (sig, handler) => registry.registerFunctionOverload(sig, handler, sync);
  const optionalConstant = registry.enableOptionalTypes ? optionalNamespace : void 0;
  registry.registerType("OptionalNamespace", OptionalNamespace);
  registry.registerConstant("optional", "OptionalNamespace", optionalConstant);
  functionOverload("optional.hasValue(): bool", (v) => v.hasValue());
  functionOverload("optional<A>.value(): A", (v) => v.value());
  registry.registerFunctionOverload("OptionalNamespace.none(): optional<T>", () => Optional.none());
  functionOverload("OptionalNamespace.of(A): optional<A>", (_, value) => Optional.of(value));
  function ensureOptional(value, ast, description) {
    if (value instanceof Optional) return value;
    throw evaluationError("optional_expected", `${description} must be optional`, ast);
  }
  function evaluateOptional(ev, macro, ctx) {
    const v = ev.run(macro.receiver, ctx);
    if (v instanceof Promise) return v.then((_v) => handleOptionalResolved(_v, ev, macro, ctx));
    return handleOptionalResolved(v, ev, macro, ctx);
  }
  function handleOptionalResolved(value, ev, macro, ctx) {
    const optional = ensureOptional(value, macro.receiver, `${macro.functionDesc} receiver`);
    if (optional.hasValue()) return macro.onHasValue(optional);
    return macro.onEmpty(ev, macro, ctx);
  }
  function ensureOptionalType(checker, node, ctx, description) {
    const type = checker.check(node, ctx);
    if (type.kind === "optional") return type;
    if (type.kind === "dyn") return checker.getType("optional");
    throw checker.createError("optional_expected", `${description} must be optional, got '${type}'`, node);
  }
  function createOptionalMacro({ functionDesc, evaluate: evaluate2, typeCheck, onHasValue, onEmpty }) {
    return ({ ast, args, receiver }) => ({
      ast,
      functionDesc,
      receiver,
      arg: args[0],
      evaluate: evaluate2,
      typeCheck,
      onHasValue,
      onEmpty
    });
  }
  const invalidOrValueReceiver = "optional.orValue() receiver";
  const invalidOrReceiver = "optional.or(optional) receiver";
  const invalidOrArg = "optional.or(optional) argument";
  registry.registerFunctionOverload(
    "optional.or(ast): optional<dyn>",
    createOptionalMacro({
      functionDesc: "optional.or(optional)",
      evaluate: evaluateOptional,
      typeCheck(check2, macro, ctx) {
        const l = ensureOptionalType(check2, macro.receiver, ctx, invalidOrReceiver);
        const r = ensureOptionalType(check2, macro.arg, ctx, invalidOrArg);
        if (!(macro.receiver.maybeAsync || macro.arg.maybeAsync)) macro.ast.setMeta("async", false);
        const unified = l.unify(check2.registry, r);
        if (unified) return unified;
        throw check2.createError(
          "incompatible_argument_type",
          `${macro.functionDesc} argument must be compatible type, got '${l}' and '${r}'`,
          macro.arg
        );
      },
      onHasValue: (optional) => optional,
      onEmpty(ev, macro, ctx) {
        const ast = macro.arg;
        const v = ev.run(ast, ctx);
        if (v instanceof Promise) return v.then((_v) => ensureOptional(_v, ast, invalidOrArg));
        return ensureOptional(v, ast, invalidOrArg);
      }
    })
  );
  registry.registerFunctionOverload(
    "optional.orValue(ast): dyn",
    createOptionalMacro({
      functionDesc: "optional.orValue(value)",
      onHasValue: (optionalValue) => optionalValue.value(),
      onEmpty(ev, macro, ctx) {
        return ev.run(macro.arg, ctx);
      },
      evaluate: evaluateOptional,
      typeCheck(check2, macro, ctx) {
        const l = ensureOptionalType(check2, macro.receiver, ctx, invalidOrValueReceiver).valueType;
        const r = check2.check(macro.arg, ctx);
        if (!(macro.receiver.maybeAsync || macro.arg.maybeAsync)) macro.ast.setMeta("async", false);
        const unified = l.unify(check2.registry, r);
        if (unified) return unified;
        throw check2.createError(
          "incompatible_argument_type",
          `${macro.functionDesc} argument must be compatible type, got '${l}' and '${r}'`,
          macro.arg
        );
      }
    })
  );
}

// node_modules/@marcbachmann/cel-js/lib/globals.js
var hasOwn = Object.hasOwn;
var objKeys = Object.keys;
var objFreeze = Object.freeze;
var objEntries = Object.entries;
var isArray = Array.isArray;
var arrayFrom = Array.from;
var MIN_UINT = 0n;
var MAX_UINT = 18446744073709551615n;
var MAX_INT = 9223372036854775807n;
var MIN_INT = -9223372036854775808n;
function isAsync(fn, fallback2) {
  if (fn?.[Symbol.toStringTag] === "AsyncFunction") return true;
  return typeof fallback2 === "boolean" ? fallback2 : true;
}
var RESERVED = /* @__PURE__ */ new Set([
  "as",
  "break",
  "const",
  "continue",
  "else",
  "for",
  "function",
  "if",
  "import",
  "let",
  "loop",
  "package",
  "namespace",
  "return",
  "var",
  "void",
  "while",
  "__proto__",
  "prototype"
]);

// node_modules/@marcbachmann/cel-js/lib/functions.js
var UnsignedInt = class {
  #value;
  constructor(value) {
    this.verify(typeof value === "bigint" ? value : BigInt(value));
  }
  get value() {
    return this.#value;
  }
  valueOf() {
    return this.#value;
  }
  toString() {
    return `${this.#value}`;
  }
  verify(v) {
    if (v < MIN_UINT || v > MAX_UINT) {
      throw evaluationError("numeric_overflow", "Unsigned integer overflow");
    }
    this.#value = v;
  }
  get [Symbol.toStringTag]() {
    return `value = ${this.#value}`;
  }
  [/* @__PURE__ */ Symbol.for("nodejs.util.inspect.custom")]() {
    return `UnsignedInteger { value: ${this.#value} }`;
  }
};
var billion = 1e9;
var billionBigInt = 1000000000n;
var UNIT_NANOSECONDS = {
  h: 3600000000000n,
  m: 60000000000n,
  s: billionBigInt,
  ms: 1000000n,
  us: 1000n,
  \u00B5s: 1000n,
  ns: 1n
};
var Duration = class _Duration {
  #seconds;
  #nanos;
  constructor(seconds, nanos = 0) {
    this.#seconds = BigInt(seconds);
    this.#nanos = nanos;
  }
  get seconds() {
    return this.#seconds;
  }
  get nanos() {
    return this.#nanos;
  }
  valueOf() {
    return Number(this.#seconds) * 1e3 + this.#nanos / 1e6;
  }
  static fromMilliseconds(ms) {
    const totalNanos = BigInt(Math.trunc(ms * 1e6));
    const seconds = totalNanos / billionBigInt;
    const nanos = Number(totalNanos % billionBigInt);
    return new _Duration(seconds, nanos);
  }
  addDuration(other) {
    const nanos = this.#nanos + other.nanos;
    return new _Duration(
      this.#seconds + other.seconds + BigInt(Math.floor(nanos / billion)),
      nanos % billion
    );
  }
  subtractDuration(other) {
    const nanos = this.#nanos - other.nanos;
    return new _Duration(
      this.#seconds - other.seconds + BigInt(Math.floor(nanos / billion)),
      (nanos + billion) % billion
    );
  }
  extendTimestamp(ts) {
    return new Date(
      ts.getTime() + Number(this.#seconds) * 1e3 + Math.floor(this.#nanos / 1e6)
    );
  }
  subtractTimestamp(ts) {
    return new Date(
      ts.getTime() - Number(this.#seconds) * 1e3 - Math.floor(this.#nanos / 1e6)
    );
  }
  toString() {
    const nanos = this.#nanos ? (this.#nanos / billion).toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 9 }).slice(1) : "";
    return `${this.#seconds}${nanos}s`;
  }
  getHours() {
    return this.#seconds / 3600n;
  }
  getMinutes() {
    return this.#seconds / 60n;
  }
  getSeconds() {
    return this.#seconds;
  }
  getMilliseconds() {
    return this.#seconds * 1000n + BigInt(Math.floor(this.#nanos / 1e6));
  }
  get [Symbol.toStringTag]() {
    return "google.protobuf.Duration";
  }
  [/* @__PURE__ */ Symbol.for("nodejs.util.inspect.custom")]() {
    return `google.protobuf.Duration { seconds: ${this.#seconds}, nanos: ${this.#nanos} }`;
  }
};
function registerFunctions(registry) {
  const sync = { async: false };
  const functionOverload = (sig, handler) => registry.registerFunctionOverload(sig, handler, sync);
  const identity3 = (v) => v;
  functionOverload("dyn(dyn): dyn", identity3);
  for (const _t in TYPES) {
    const type = TYPES[_t];
    if (!(type instanceof Type)) continue;
    functionOverload(`type(${type.name}): type`, () => type);
  }
  functionOverload("bool(bool): bool", identity3);
  functionOverload("bool(string): bool", (v) => {
    switch (v) {
      case "1":
      case "t":
      case "true":
      case "TRUE":
      case "True":
        return true;
      case "0":
      case "f":
      case "false":
      case "FALSE":
      case "False":
        return false;
      default:
        throw evaluationError(
          "bool_conversion_error",
          `bool() conversion error: invalid string value "${v}"`
        );
    }
  });
  functionOverload("size(string): int", (v) => BigInt(stringSize(v)));
  functionOverload("size(bytes): int", (v) => BigInt(v.length));
  functionOverload("size(list): int", (v) => BigInt(v.length ?? v.size));
  functionOverload("size(map): int", (v) => BigInt(v instanceof Map ? v.size : objKeys(v).length));
  functionOverload("string.size(): int", (v) => BigInt(stringSize(v)));
  functionOverload("bytes.size(): int", (v) => BigInt(v.length));
  functionOverload("list.size(): int", (v) => BigInt(v.length ?? v.size));
  functionOverload("map.size(): int", (v) => BigInt(v instanceof Map ? v.size : objKeys(v).length));
  functionOverload("bytes(string): bytes", (v) => ByteOpts.fromString(v));
  functionOverload("bytes(bytes): bytes", identity3);
  functionOverload("double(double): double", identity3);
  functionOverload("double(int): double", (v) => Number(v));
  functionOverload("double(uint): double", (v) => Number(v));
  functionOverload("double(string): double", (v) => {
    if (!v || v !== v.trim())
      throw evaluationError(
        "double_conversion_error",
        "double() type error: cannot convert to double"
      );
    const s = v.toLowerCase();
    switch (s) {
      case "inf":
      case "+inf":
      case "infinity":
      case "+infinity":
        return Number.POSITIVE_INFINITY;
      case "-inf":
      case "-infinity":
        return Number.NEGATIVE_INFINITY;
      case "nan":
        return Number.NaN;
      default: {
        const parsed = Number(v);
        if (!Number.isNaN(parsed)) return parsed;
        throw evaluationError(
          "double_conversion_error",
          "double() type error: cannot convert to double"
        );
      }
    }
  });
  functionOverload("int(int): int", identity3);
  functionOverload("int(double): int", (v) => {
    if (Number.isFinite(v)) return BigInt(Math.trunc(v));
    throw evaluationError("numeric_overflow", "int() type error: integer overflow");
  });
  functionOverload("int(string): int", (v) => {
    if (v !== v.trim() || v.length > 20 || v.includes("0x")) {
      throw evaluationError("int_conversion_error", "int() type error: cannot convert to int");
    }
    try {
      const num = BigInt(v);
      if (num <= MAX_INT && num >= MIN_INT) return num;
    } catch (_e) {
    }
    throw evaluationError("int_conversion_error", "int() type error: cannot convert to int");
  });
  functionOverload("uint(uint): uint", identity3);
  functionOverload("uint(int): uint", (v) => {
    try {
      return new UnsignedInt(v);
    } catch (e) {
      throw evaluationError("uint_conversion_error", "uint() type error: cannot convert to uint");
    }
  });
  functionOverload("uint(double): uint", (v) => {
    try {
      return new UnsignedInt(Math.trunc(v));
    } catch (e) {
      throw evaluationError("numeric_overflow", "uint() type error: unsigned integer overflow");
    }
  });
  functionOverload("uint(string): uint", (v) => {
    if (v !== v.trim() || v.length > 20 || v.includes("0x")) {
      throw evaluationError("uint_conversion_error", "uint() type error: cannot convert to uint");
    }
    try {
      return new UnsignedInt(v);
    } catch (e) {
      throw evaluationError("uint_conversion_error", "uint() type error: cannot convert to uint");
    }
  });
  functionOverload("string(string): string", identity3);
  functionOverload("string(bool): string", (v) => `${v}`);
  functionOverload("string(int): string", (v) => `${v}`);
  functionOverload("string(uint): string", (v) => `${v}`);
  functionOverload("string(bytes): string", (v) => ByteOpts.toUtf8(v));
  functionOverload("string(double): string", (v) => {
    if (v === Infinity) return "+Inf";
    if (v === -Infinity) return "-Inf";
    return `${v}`;
  });
  functionOverload("string.startsWith(string): bool", (a, b) => a.startsWith(b));
  functionOverload("string.endsWith(string): bool", (a, b) => a.endsWith(b));
  functionOverload("string.contains(string): bool", (a, b) => a.includes(b));
  functionOverload("string.lowerAscii(): string", (a) => a.toLowerCase());
  functionOverload("string.upperAscii(): string", (a) => a.toUpperCase());
  functionOverload("string.trim(): string", (a) => a.trim());
  functionOverload(
    "string.indexOf(string): int",
    (string, search) => BigInt(string.indexOf(search))
  );
  functionOverload("string.indexOf(string, int): int", (string, search, fromIndex) => {
    if (search === "") return fromIndex;
    fromIndex = Number(fromIndex);
    if (fromIndex < 0 || fromIndex >= string.length) {
      throw evaluationError(
        "index_out_of_range",
        "string.indexOf(search, fromIndex): fromIndex out of range"
      );
    }
    return BigInt(string.indexOf(search, fromIndex));
  });
  functionOverload(
    "string.lastIndexOf(string): int",
    (string, search) => BigInt(string.lastIndexOf(search))
  );
  functionOverload("string.lastIndexOf(string, int): int", (string, search, fromIndex) => {
    if (search === "") return fromIndex;
    fromIndex = Number(fromIndex);
    if (fromIndex < 0 || fromIndex >= string.length) {
      throw evaluationError(
        "index_out_of_range",
        "string.lastIndexOf(search, fromIndex): fromIndex out of range"
      );
    }
    return BigInt(string.lastIndexOf(search, fromIndex));
  });
  functionOverload("string.substring(int): string", (string, start) => {
    start = Number(start);
    if (start < 0 || start > string.length) {
      throw evaluationError(
        "index_out_of_range",
        "string.substring(start, end): start index out of range"
      );
    }
    return string.substring(start);
  });
  functionOverload("string.substring(int, int): string", (string, start, end) => {
    start = Number(start);
    if (start < 0 || start > string.length) {
      throw evaluationError(
        "index_out_of_range",
        "string.substring(start, end): start index out of range"
      );
    }
    end = Number(end);
    if (end < start || end > string.length) {
      throw evaluationError(
        "index_out_of_range",
        "string.substring(start, end): end index out of range"
      );
    }
    return string.substring(start, end);
  });
  functionOverload("string.matches(string): bool", (a, b) => {
    try {
      return new RegExp(b).test(a);
    } catch (_err) {
      throw evaluationError("invalid_regular_expression", `Invalid regular expression: ${b}`);
    }
  });
  functionOverload("string.split(string): list<string>", (s, sep) => s.split(sep));
  functionOverload("string.split(string, int): list<string>", (s, sep, l) => {
    l = Number(l);
    if (l === 0) return [];
    const parts = s.split(sep);
    if (l < 0 || parts.length <= l) return parts;
    const limited = parts.slice(0, l - 1);
    limited.push(parts.slice(l - 1).join(sep));
    return limited;
  });
  functionOverload("list<string>.join(): string", (v) => {
    for (let i = 0; i < v.length; i++) {
      if (typeof v[i] !== "string") {
        throw evaluationError(
          "invalid_list_element_type",
          "string.join(): list must contain only strings"
        );
      }
    }
    return v.join("");
  });
  functionOverload("list<string>.join(string): string", (v, sep) => {
    for (let i = 0; i < v.length; i++) {
      if (typeof v[i] !== "string") {
        throw evaluationError(
          "invalid_list_element_type",
          "string.join(separator): list must contain only strings"
        );
      }
    }
    return v.join(sep);
  });
  const textEncoder = new TextEncoder("utf8");
  const textDecoder = new TextDecoder("utf8");
  const ByteOpts = typeof Buffer !== "undefined" ? {
    byteLength: (v) => Buffer.byteLength(v),
    fromString: (str2) => Buffer.from(str2, "utf8"),
    toHex: (b) => Buffer.prototype.hexSlice.call(b, 0, b.length),
    toBase64: (b) => Buffer.prototype.base64Slice.call(b, 0, b.length),
    toUtf8: (b) => Buffer.prototype.utf8Slice.call(b, 0, b.length),
    jsonParse: (b) => JSON.parse(b)
  } : {
    textEncoder: new TextEncoder("utf8"),
    byteLength: (v) => textEncoder.encode(v).length,
    fromString: (str2) => textEncoder.encode(str2),
    toHex: Uint8Array.prototype.toHex ? (b) => b.toHex() : (b) => arrayFrom(b, (i) => i.toString(16).padStart(2, "0")).join(""),
    toBase64: Uint8Array.prototype.toBase64 ? (b) => b.toBase64() : (b) => btoa(arrayFrom(b, (i) => String.fromCodePoint(i)).join("")),
    toUtf8: (b) => textDecoder.decode(b),
    jsonParse: (b) => JSON.parse(textEncoder.decode(b))
  };
  functionOverload("bytes.json(): map", ByteOpts.jsonParse);
  functionOverload("bytes.hex(): string", ByteOpts.toHex);
  functionOverload("bytes.string(): string", ByteOpts.toUtf8);
  functionOverload("bytes.base64(): string", ByteOpts.toBase64);
  functionOverload("bytes.at(int): int", (b, index) => {
    if (index < 0 || index >= b.length) {
      throw evaluationError("index_out_of_range", "Bytes index out of range");
    }
    return BigInt(b[index]);
  });
  const TS = "google.protobuf.Timestamp";
  const GPD = "google.protobuf.Duration";
  const TimestampType = registry.registerType(TS, Date).typeType;
  const DurationType = registry.registerType(GPD, Duration).typeType;
  registry.registerConstant("google", "map<string, map<string, type>>", {
    protobuf: { Duration: DurationType, Timestamp: TimestampType }
  });
  function tzDate(d, timeZone) {
    return new Date(d.toLocaleString("en-US", { timeZone }));
  }
  function getDayOfYear(d, tz) {
    const workingDate = tz ? tzDate(d, tz) : new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
    const start = new Date(workingDate.getFullYear(), 0, 0);
    return BigInt(Math.floor((workingDate - start) / 864e5) - 1);
  }
  functionOverload(`timestamp(string): ${TS}`, (v) => {
    if (v.length < 20 || v.length > 30) {
      throw evaluationError("invalid_timestamp", "timestamp() requires a string in ISO 8601 format");
    }
    const d = new Date(v);
    if (d <= 253402300799999 && d >= -621355968e5) return d;
    throw evaluationError("invalid_timestamp", "timestamp() requires a string in ISO 8601 format");
  });
  functionOverload(`timestamp(int): ${TS}`, (i) => {
    i = Number(i) * 1e3;
    if (i <= 253402300799999 && i >= -621355968e5) return new Date(i);
    throw evaluationError(
      "invalid_timestamp",
      "timestamp() requires a valid integer unix timestamp"
    );
  });
  functionOverload(`${TS}.getDate(): int`, (d) => BigInt(d.getUTCDate()));
  functionOverload(`${TS}.getDate(string): int`, (d, tz) => BigInt(tzDate(d, tz).getDate()));
  functionOverload(`${TS}.getDayOfMonth(): int`, (d) => BigInt(d.getUTCDate() - 1));
  functionOverload(
    `${TS}.getDayOfMonth(string): int`,
    (d, tz) => BigInt(tzDate(d, tz).getDate() - 1)
  );
  functionOverload(`${TS}.getDayOfWeek(): int`, (d) => BigInt(d.getUTCDay()));
  functionOverload(`${TS}.getDayOfWeek(string): int`, (d, tz) => BigInt(tzDate(d, tz).getDay()));
  functionOverload(`${TS}.getDayOfYear(): int`, getDayOfYear);
  functionOverload(`${TS}.getDayOfYear(string): int`, getDayOfYear);
  functionOverload(`${TS}.getFullYear(): int`, (d) => BigInt(d.getUTCFullYear()));
  functionOverload(`${TS}.getFullYear(string): int`, (d, tz) => BigInt(tzDate(d, tz).getFullYear()));
  functionOverload(`${TS}.getHours(): int`, (d) => BigInt(d.getUTCHours()));
  functionOverload(`${TS}.getHours(string): int`, (d, tz) => BigInt(tzDate(d, tz).getHours()));
  functionOverload(`${TS}.getMilliseconds(): int`, (d) => BigInt(d.getUTCMilliseconds()));
  functionOverload(`${TS}.getMilliseconds(string): int`, (d) => BigInt(d.getUTCMilliseconds()));
  functionOverload(`${TS}.getMinutes(): int`, (d) => BigInt(d.getUTCMinutes()));
  functionOverload(`${TS}.getMinutes(string): int`, (d, tz) => BigInt(tzDate(d, tz).getMinutes()));
  functionOverload(`${TS}.getMonth(): int`, (d) => BigInt(d.getUTCMonth()));
  functionOverload(`${TS}.getMonth(string): int`, (d, tz) => BigInt(tzDate(d, tz).getMonth()));
  functionOverload(`${TS}.getSeconds(): int`, (d) => BigInt(d.getUTCSeconds()));
  functionOverload(`${TS}.getSeconds(string): int`, (d, tz) => BigInt(tzDate(d, tz).getSeconds()));
  const parseDurationPattern = /(\d*\.?\d*)(ns|us|µs|ms|s|m|h)/;
  function parseDuration(string) {
    if (!string) throw evaluationError("invalid_duration", `Invalid duration string: ''`);
    const isNegative = string[0] === "-";
    if (string[0] === "-" || string[0] === "+") string = string.slice(1);
    let nanoseconds = BigInt(0);
    while (true) {
      const match = parseDurationPattern.exec(string);
      if (!match) throw evaluationError("invalid_duration", `Invalid duration string: ${string}`);
      if (match.index !== 0)
        throw evaluationError("invalid_duration", `Invalid duration string: ${string}`);
      string = string.slice(match[0].length);
      const unitNanos = UNIT_NANOSECONDS[match[2]];
      const [intPart = "0", fracPart = ""] = match[1].split(".");
      const intVal = BigInt(intPart) * unitNanos;
      const fracNanos = fracPart ? BigInt(fracPart.slice(0, 13).padEnd(13, "0")) * unitNanos / 10000000000000n : 0n;
      nanoseconds += intVal + fracNanos;
      if (string === "") break;
    }
    const seconds = nanoseconds >= billionBigInt ? nanoseconds / billionBigInt : 0n;
    const nanos = Number(nanoseconds % billionBigInt);
    if (isNegative) return new Duration(-seconds, -nanos);
    return new Duration(seconds, nanos);
  }
  functionOverload(`duration(string): google.protobuf.Duration`, (s) => parseDuration(s));
  functionOverload(`google.protobuf.Duration.getHours(): int`, (d) => d.getHours());
  functionOverload(`google.protobuf.Duration.getMinutes(): int`, (d) => d.getMinutes());
  functionOverload(`google.protobuf.Duration.getSeconds(): int`, (d) => d.getSeconds());
  functionOverload(`google.protobuf.Duration.getMilliseconds(): int`, (d) => d.getMilliseconds());
  register2(registry);
}
function stringSize(str2) {
  let count = 0;
  for (const c of str2) count++;
  return count;
}

// node_modules/@marcbachmann/cel-js/lib/registry.js
var Type = class {
  #name;
  constructor(name) {
    this.#name = name;
    objFreeze(this);
  }
  get name() {
    return this.#name;
  }
  get [Symbol.toStringTag]() {
    return `Type<${this.#name}>`;
  }
  toString() {
    return `Type<${this.#name}>`;
  }
};
var TYPES = {
  string: new Type("string"),
  bool: new Type("bool"),
  int: new Type("int"),
  uint: new Type("uint"),
  double: new Type("double"),
  map: new Type("map"),
  list: new Type("list"),
  bytes: new Type("bytes"),
  null_type: new Type("null"),
  type: new Type("type")
};
var optionalType = new Type("optional");
var valueTypeMatchers = {
  dyn(v, ev) {
    switch (typeof v) {
      case "string":
      case "bigint":
      case "number":
      case "boolean":
        return true;
      case "object":
        switch (v ? v.constructor : v) {
          case null:
          case void 0:
          case Object:
          case Map:
          case Array:
          case Set:
            return true;
          default:
            if (ev.objectTypesByConstructor.get(v.constructor)) return true;
        }
    }
    return !!ev.debugType(v);
  },
  string(v) {
    return typeof v === "string";
  },
  int(v) {
    return typeof v === "bigint";
  },
  double(v) {
    return typeof v === "number";
  },
  bool(v) {
    return typeof v === "boolean";
  },
  null(v) {
    return v === null;
  },
  bytes(v) {
    return v instanceof Uint8Array;
  },
  uint(v) {
    return v instanceof UnsignedInt;
  },
  type(v) {
    return v instanceof Type;
  },
  list(v) {
    switch (v?.constructor) {
      case Array:
      case Set:
        return true;
      default:
        return false;
    }
  },
  map(v) {
    switch (typeof v === "object" && v ? v.constructor : null) {
      case void 0:
      case Object:
      case Map:
        return true;
      default:
        return false;
    }
  },
  optional(v) {
    return v instanceof Optional;
  },
  message(v, ev) {
    return this === ev.debugType(v);
  }
};
valueTypeMatchers.param = valueTypeMatchers.dyn;
var TypeDeclaration = class {
  #matchesCache = /* @__PURE__ */ new WeakMap();
  constructor({ kind, type, name, keyType, valueType }) {
    this.kind = kind;
    this.type = type;
    this.name = name;
    this.keyType = keyType;
    this.valueType = valueType;
    this.unwrappedType = kind === "dyn" && valueType ? valueType.unwrappedType : this;
    this.wrappedType = kind === "dyn" ? this : _createDynType(this.unwrappedType);
    this.hasDynType = this.kind === "dyn" || this.valueType?.hasDynType || this.keyType?.hasDynType || false;
    this.hasPlaceholderType = this.kind === "param" || this.keyType?.hasPlaceholderType || this.valueType?.hasPlaceholderType || false;
    if (kind === "list") this.fieldLazy = this.#getListField;
    else if (kind === "map") this.fieldLazy = this.#getMapField;
    else if (kind === "message") this.fieldLazy = this.#getMessageField;
    else if (kind === "optional") this.fieldLazy = this.#getOptionalField;
    this.matchesValueType = valueTypeMatchers[name] || valueTypeMatchers[kind];
    objFreeze(this);
  }
  isDynOrBool() {
    return this.type === "bool" || this.kind === "dyn";
  }
  isEmpty() {
    return this.valueType && this.valueType.kind === "param";
  }
  unify(r, t2) {
    const t1 = this;
    if (t1 === t2 || t1.kind === "dyn" || t2.kind === "param") return t1;
    if (t2.kind === "dyn" || t1.kind === "param") return t2;
    if (t1.kind !== t2.kind) return null;
    if (!(t1.hasPlaceholderType || t2.hasPlaceholderType || t1.hasDynType || t2.hasDynType))
      return null;
    const valueType = t1.valueType.unify(r, t2.valueType);
    if (!valueType) return null;
    switch (t1.kind) {
      case "optional":
        return r.getOptionalType(valueType);
      case "list":
        return r.getListType(valueType);
      case "map":
        const keyType = t1.keyType.unify(r, t2.keyType);
        return keyType ? r.getMapType(keyType, valueType) : null;
    }
  }
  templated(r, bind2) {
    if (!this.hasPlaceholderType) return this;
    switch (this.kind) {
      case "dyn":
        return this.valueType.templated(r, bind2);
      case "param":
        return bind2?.get(this.name) || this;
      case "map":
        return r.getMapType(this.keyType.templated(r, bind2), this.valueType.templated(r, bind2));
      case "list":
        return r.getListType(this.valueType.templated(r, bind2));
      case "optional":
        return r.getOptionalType(this.valueType.templated(r, bind2));
      default:
        return this;
    }
  }
  toString() {
    return this.name;
  }
  #getOptionalField(obj, key, ast, ev) {
    obj = obj instanceof Optional ? obj.orValue() : obj;
    if (obj === void 0) return OPTIONAL_NONE;
    const type = ev.debugType(obj);
    try {
      return Optional.of(type.fieldLazy(obj, key, ast, ev));
    } catch (e) {
      if (e instanceof EvaluationError) return OPTIONAL_NONE;
      throw e;
    }
  }
  #getMessageField(obj, key, ast, ev) {
    const message = obj ? ev.objectTypesByConstructor.get(obj.constructor) : void 0;
    if (!message) return;
    const type = message.fields ? message.fields[key] : dynType;
    if (!type) return void 0;
    const value = obj instanceof Map ? obj.get(key) : obj[key];
    if (value === void 0) return;
    if (type.matchesValueType(value, ev)) return value;
    throw evaluationError(
      "field_type_mismatch",
      `Field '${key}' is not of type '${type}', got '${ev.debugType(value)}'`,
      ast
    );
  }
  #getMapField(obj, key, ast, ev) {
    const value = obj instanceof Map ? obj.get(key) : obj && hasOwn(obj, key) ? obj[key] : void 0;
    if (value === void 0) return;
    if (this.valueType.matchesValueType(value, ev)) return value;
    throw evaluationError(
      "field_type_mismatch",
      `Field '${key}' is not of type '${this.valueType}', got '${ev.debugType(value)}'`,
      ast
    );
  }
  #getListElementAtIndex(list, pos) {
    switch (list?.constructor) {
      case Array:
        return list[pos];
      case Set: {
        let i = 0;
        for (const item of list) {
          if (i++ !== pos) continue;
          return item;
        }
      }
    }
  }
  #getListField(obj, key, ast, ev) {
    if (typeof key === "bigint") key = Number(key);
    else if (typeof key !== "number") return;
    const value = this.#getListElementAtIndex(obj, key);
    if (value === void 0) {
      if (!obj) return;
      throw evaluationError(
        "index_out_of_bounds",
        `No such key: index out of bounds, index ${key} ${key < 0 ? "< 0" : `>= size ${obj.length || obj.size}`}`,
        ast
      );
    }
    if (this.valueType.matchesValueType(value, ev)) return value;
    throw evaluationError(
      "list_item_type_mismatch",
      `List item with index '${key}' is not of type '${this.valueType}', got '${ev.debugType(value)}'`,
      ast
    );
  }
  fieldLazy() {
  }
  field(obj, key, ast, ev) {
    const v = this.fieldLazy(obj, key, ast, ev);
    if (v !== void 0) return v;
    throw evaluationError("no_such_key", `No such key: ${key}`, ast);
  }
  matchesBoth(other) {
    return this.matches(other) && other.matches(this);
  }
  matches(o) {
    const s = this.unwrappedType;
    o = o.unwrappedType;
    if (s === o || s.kind === "dyn" || o.kind === "dyn" || o.kind === "param") return true;
    return this.#matchesCache.get(o) ?? this.#matchesCache.set(o, this.#matches(s, o)).get(o);
  }
  #matches(s, o) {
    switch (s.kind) {
      case "dyn":
      case "param":
        return true;
      case "list":
        return o.kind === "list" && s.valueType.matches(o.valueType);
      case "map":
        return o.kind === "map" && s.keyType.matches(o.keyType) && s.valueType.matches(o.valueType);
      case "optional":
        return o.kind === "optional" && s.valueType.matches(o.valueType);
      default:
        return s.name === o.name;
    }
  }
};
var macroEvaluateErr = `have a .callAst property or .evaluate(checker, macro, ctx) method.`;
var macroTypeCheckErr = `have a .callAst property or .typeCheck(checker, macro, ctx) method.`;
function wrapMacroExpander(name, handler) {
  const p = `Macro '${name}' must`;
  return function macroExpander(opts) {
    const macro = handler(opts);
    if (!macro || typeof macro !== "object") throw new Error(`${p} return an object.`);
    if (macro.callAst) return macro;
    if (!macro.evaluate) throw new Error(`${p} ${macroEvaluateErr}`);
    if (!macro.typeCheck) throw new Error(`${p} ${macroTypeCheckErr}`);
    return macro;
  };
}
var VariableDeclaration = class {
  constructor(name, type, description, value) {
    this.name = name;
    this.type = type;
    this.description = description ?? null;
    this.constant = value !== void 0;
    this.value = value;
    objFreeze(this);
  }
};
var FunctionDeclaration = class {
  constructor({ name, receiverType, returnType, handler, description, params, async }) {
    if (typeof name !== "string") throw new Error("name must be a string");
    if (typeof handler !== "function") throw new Error("handler must be a function");
    this.name = name;
    this.async = isAsync(handler, async);
    this.receiverType = receiverType ?? null;
    this.returnType = returnType;
    this.description = description ?? null;
    this.params = params;
    this.argTypes = params.map((p) => p.type);
    this.macro = this.argTypes.includes(astType);
    const receiverString = receiverType ? `${receiverType}.` : "";
    this.signature = `${receiverString}${name}(${this.argTypes.join(", ")}): ${returnType}`;
    this.handler = this.macro ? wrapMacroExpander(this.signature, handler) : handler;
    this.partitionKey = `${receiverType ? "rcall" : "call"}:${name}:${params.length}`;
    this.hasPlaceholderType = this.returnType.hasPlaceholderType || this.receiverType?.hasPlaceholderType || this.argTypes.some((t) => t.hasPlaceholderType) || false;
    objFreeze(this);
  }
  matchesArgs(argTypes) {
    return argTypes.length === this.argTypes.length && this.argTypes.every((t, i) => t.matches(argTypes[i])) ? this : null;
  }
};
var OperatorDeclaration = class {
  constructor({ op, leftType, rightType, handler, returnType, async }) {
    this.operator = op;
    this.leftType = leftType;
    this.rightType = rightType || null;
    this.handler = handler;
    this.async = isAsync(handler, async);
    this.returnType = returnType;
    if (rightType) this.signature = `${leftType} ${op} ${rightType}: ${returnType}`;
    else this.signature = `${op}${leftType}: ${returnType}`;
    this.hasPlaceholderType = this.leftType.hasPlaceholderType || this.rightType?.hasPlaceholderType || false;
    objFreeze(this);
  }
  equals(other) {
    return this.operator === other.operator && this.leftType === other.leftType && this.rightType === other.rightType;
  }
};
function _createListType(valueType) {
  return new TypeDeclaration({
    kind: "list",
    name: `list<${valueType}>`,
    type: "list",
    valueType
  });
}
function _createPrimitiveType(name) {
  return new TypeDeclaration({ kind: "primitive", name, type: name });
}
function _createMessageType(name) {
  return new TypeDeclaration({ kind: "message", name, type: name });
}
function _createDynType(valueType) {
  const name = valueType ? `dyn<${valueType}>` : "dyn";
  return new TypeDeclaration({ kind: "dyn", name, type: name, valueType });
}
function _createOptionalType(valueType) {
  const name = `optional<${valueType}>`;
  return new TypeDeclaration({ kind: "optional", name, type: "optional", valueType });
}
function _createMapType(keyType, valueType) {
  return new TypeDeclaration({
    kind: "map",
    name: `map<${keyType}, ${valueType}>`,
    type: "map",
    keyType,
    valueType
  });
}
function _createPlaceholderType(name) {
  return new TypeDeclaration({ kind: "param", name, type: name });
}
var dynType = _createDynType();
var astType = _createPrimitiveType("ast");
var listType = _createListType(dynType);
var mapType = _createMapType(dynType, dynType);
var celTypes = {
  string: _createPrimitiveType("string"),
  bool: _createPrimitiveType("bool"),
  int: _createPrimitiveType("int"),
  uint: _createPrimitiveType("uint"),
  double: _createPrimitiveType("double"),
  bytes: _createPrimitiveType("bytes"),
  dyn: dynType,
  null: _createPrimitiveType("null"),
  type: _createPrimitiveType("type"),
  optional: _createOptionalType(dynType),
  list: listType,
  "list<dyn>": listType,
  map: mapType,
  "map<dyn, dyn>": mapType
};
for (const t of [celTypes.string, celTypes.double, celTypes.int]) {
  const list = _createListType(t);
  const map = _createMapType(celTypes.string, t);
  celTypes[list.name] = list;
  celTypes[map.name] = map;
}
Object.freeze(celTypes);
var Candidates = class {
  returnType = null;
  async = false;
  macro = false;
  #matchCache = null;
  #checkCache = null;
  /** @type {Array<FunctionDeclaration>|Array<OperatorDeclaration>} */
  declarations = [];
  constructor(registry) {
    this.registry = registry;
  }
  [Symbol.iterator]() {
    return this.declarations[Symbol.iterator]();
  }
  add(decl) {
    this.returnType = (this.returnType || decl.returnType).unify(this.registry, decl.returnType) || dynType;
    if (decl.macro) this.macro = decl;
    if (decl.async && !this.async) this.async = true;
    this.declarations.push(decl);
    this.#matchCache?.clear();
    this.#checkCache?.clear();
  }
  findFunction(argTypes, receiverType = null) {
    for (let i = 0; i < this.declarations.length; i++) {
      const match = this.#matchesFunction(this.declarations[i], argTypes, receiverType);
      if (match) return match;
    }
    return null;
  }
  findUnaryOverload(left) {
    const cached = (this.#matchCache ??= /* @__PURE__ */ new Map()).get(left);
    if (cached !== void 0) return cached;
    let value = false;
    for (const decl of this.declarations) {
      if (decl.leftType !== left) continue;
      value = decl;
      break;
    }
    this.#matchCache.set(left, value);
    return value;
  }
  findBinaryOverload(left, right) {
    if (left.kind === "dyn" && left.valueType) right = right.wrappedType;
    else if (right.kind === "dyn" && right.valueType) left = left.wrappedType;
    return (this.#matchCache ??= /* @__PURE__ */ new Map()).get(left)?.get(right) ?? this.#cacheBinary(this.#matchCache, left, right, this.#findBinaryUncached(left, right));
  }
  checkBinaryOverload(left, right) {
    return (this.#checkCache ??= /* @__PURE__ */ new Map()).get(left)?.get(right) ?? this.#cacheBinary(this.#checkCache, left, right, this.#checkBinaryUncached(left, right));
  }
  #cacheBinary(c, l, r, v) {
    return (c.get(l) || c.set(l, /* @__PURE__ */ new Map()).get(l)).set(r, v), v;
  }
  #findBinaryUncached(left, right) {
    const ops = this.#findBinaryOverloads(left, right);
    if (ops.length === 0) return false;
    if (ops.length === 1) return ops[0];
    throw new Error(`Operator overload '${ops[0].signature}' overlaps with '${ops[1].signature}'.`);
  }
  #checkBinaryUncached(left, right) {
    const ops = this.#findBinaryOverloads(left, right);
    if (ops.length === 0) return false;
    let rt = ops[0].returnType;
    for (let i = 1; i < ops.length; i++) rt = rt.unify(this.registry, ops[i].returnType) || dynType;
    return rt;
  }
  #findBinaryOverloads(leftType, rightType) {
    const nonexactMatches = [];
    for (const decl of this.declarations) {
      if (decl.leftType === leftType && decl.rightType === rightType) return [decl];
      const secondary = this.#matchBinaryOverload(decl, leftType, rightType);
      if (secondary) nonexactMatches.push(secondary);
    }
    if (nonexactMatches.length === 0) {
      const op = this.declarations[0]?.operator;
      if ((op === "==" || op === "!=") && leftType.kind === "dyn") {
        return fallbackDynEqualityMatchers[op];
      }
    }
    return nonexactMatches;
  }
  #matchBinaryOverload(decl, actualLeft, actualRight) {
    const bindings = decl.hasPlaceholderType ? /* @__PURE__ */ new Map() : null;
    const leftType = this.#matchTypeWithPlaceholders(decl.leftType, actualLeft, bindings);
    if (!leftType) return;
    const rightType = this.#matchTypeWithPlaceholders(decl.rightType, actualRight, bindings);
    if (!rightType) return;
    if ((decl.operator === "==" || decl.operator === "!=") && decl.leftType.kind === "dyn" && decl.leftType.valueType && actualLeft.kind !== "dyn" && actualRight.kind !== "dyn")
      return false;
    return decl.hasPlaceholderType ? {
      async: decl.async,
      signature: decl.signature,
      handler: decl.handler,
      leftType,
      rightType,
      returnType: decl.returnType.templated(this.registry, bindings)
    } : decl;
  }
  #matchesFunction(fn, argTypes, receiverType) {
    if (fn.hasPlaceholderType) return this.#matchWithPlaceholders(fn, argTypes, receiverType);
    if (receiverType && fn.receiverType && !receiverType.matches(fn.receiverType)) return;
    return fn.matchesArgs(argTypes);
  }
  #matchWithPlaceholders(fn, argTypes, receiverType) {
    const bindings = /* @__PURE__ */ new Map();
    if (receiverType && fn.receiverType) {
      if (!this.#matchTypeWithPlaceholders(fn.receiverType, receiverType, bindings)) {
        return null;
      }
    }
    for (let i = 0; i < argTypes.length; i++) {
      if (!this.#matchTypeWithPlaceholders(fn.argTypes[i], argTypes[i], bindings)) {
        return null;
      }
    }
    return {
      async: fn.async,
      handler: fn.handler,
      signature: fn.signature,
      returnType: fn.returnType.templated(this.registry, bindings)
    };
  }
  #matchTypeWithPlaceholders(declared, actual, bindings) {
    if (!declared.hasPlaceholderType) return actual.matches(declared) ? actual : null;
    const treatAsDyn = actual.kind === "dyn";
    if (!this.#collectPlaceholderBindings(declared, actual, bindings, treatAsDyn)) return null;
    if (treatAsDyn) return actual;
    return actual.matches(declared.templated(this.registry, bindings)) ? actual : null;
  }
  #collectPlaceholderBindings(dec, act, bind2, fromDyn = false) {
    if (!dec.hasPlaceholderType) return true;
    if (!act) return false;
    const asDyn = fromDyn || act.kind === "dyn";
    act = act.unwrappedType;
    switch (dec.kind) {
      case "param": {
        const type = asDyn ? dynType : act;
        const existing = bind2.get(dec.name);
        if (!existing) return bind2.set(dec.name, type) && true;
        return existing.kind === "dyn" || type.kind === "dyn" ? true : existing.matchesBoth(type);
      }
      case "list": {
        if (act.name === "dyn") act = dec;
        if (act.kind !== "list") return false;
        return this.#collectPlaceholderBindings(dec.valueType, act.valueType, bind2, asDyn);
      }
      case "map": {
        if (act.name === "dyn") act = dec;
        if (act.kind !== "map") return false;
        return this.#collectPlaceholderBindings(dec.keyType, act.keyType, bind2, asDyn) && this.#collectPlaceholderBindings(dec.valueType, act.valueType, bind2, asDyn);
      }
      case "optional": {
        if (act.name === "dyn") act = dec;
        if (act.kind !== "optional") return false;
        return this.#collectPlaceholderBindings(dec.valueType, act.valueType, bind2, asDyn);
      }
    }
    return true;
  }
};
function splitByComma(str2) {
  const parts = [];
  let current = "";
  let depth = 0;
  for (const char of str2) {
    if (char === "<") depth++;
    else if (char === ">") depth--;
    else if (char === "," && depth === 0) {
      parts.push(current.trim());
      current = "";
      continue;
    }
    current += char;
  }
  if (current) parts.push(current.trim());
  return parts;
}
var objTypesDecls = [
  [UnsignedInt, "uint", TYPES.uint, celTypes.uint],
  [Type, "type", TYPES.type, celTypes.type],
  [Optional, "optional", optionalType, celTypes.optional],
  [Uint8Array, "bytes", TYPES.bytes, celTypes.bytes],
  ...typeof Buffer !== "undefined" ? [[Buffer, "bytes", TYPES.bytes, celTypes.bytes]] : []
].map(([ctor, name, typeType, type]) => Object.freeze({ name, typeType, type, ctor }));
var objTypes = objTypesDecls.map((t) => [t.name, t]);
var objTypesCtor = objTypesDecls.map((t) => [t.ctor, t]);
var invalidVar = (postfix) => new Error(`Invalid variable declaration: ${postfix}`);
var invalidType = (postfix) => new Error(`Invalid type declaration: ${postfix}`);
var fallbackDynEqualityMatchers = {
  "==": [{ handler: (a, b) => a === b, returnType: celTypes.bool }],
  "!=": [{ handler: (a, b) => a !== b, returnType: celTypes.bool }]
};
var Registry = class _Registry {
  #parent = null;
  #typeDeclarations;
  #ownsVariables = true;
  #operators = null;
  #functions = null;
  #operatorsByOp = null;
  #functionsByKey = null;
  #listTypes = null;
  #mapTypes = null;
  #optionalTypes = null;
  #others = null;
  #locked = false;
  constructor(opts = {}) {
    this.enableOptionalTypes = opts.enableOptionalTypes ?? false;
    this.unlistedVariablesAreDyn = opts.unlistedVariablesAreDyn ?? false;
    const parent = opts.parent instanceof _Registry ? opts.parent : null;
    if (parent) {
      this.#parent = parent;
      let opParent = parent;
      while (opParent && !opParent.#operators) opParent = opParent.#parent;
      let fnParent = parent;
      while (fnParent && !fnParent.#functions) fnParent = fnParent.#parent;
      this.#operatorsByOp = parent.#operatorsByOp;
      this.#functionsByKey = parent.#functionsByKey;
      this.#others = { operators: opParent.#operators, functions: fnParent.#functions };
      this.objectTypes = new Map(parent.objectTypes);
      this.objectTypesByConstructor = new Map(parent.objectTypesByConstructor);
      this.variables = parent.variables;
      this.#ownsVariables = false;
      this.#typeDeclarations = parent.#typeDeclarations;
      this.#listTypes = parent.#listTypes;
      this.#mapTypes = parent.#mapTypes;
      this.#optionalTypes = parent.#optionalTypes;
      if (this.enableOptionalTypes !== parent.enableOptionalTypes || this.unlistedVariablesAreDyn !== parent.unlistedVariablesAreDyn) {
        toggleOptionalTypes(this, this.enableOptionalTypes);
      }
    } else {
      this.#operators = [];
      this.#functions = [];
      this.objectTypes = new Map(objTypes);
      this.objectTypesByConstructor = new Map(objTypesCtor);
      this.#typeDeclarations = new Map(objEntries(celTypes));
      this.#listTypes = /* @__PURE__ */ new Map();
      this.#mapTypes = /* @__PURE__ */ new Map();
      this.#optionalTypes = /* @__PURE__ */ new Map();
      this.variables = /* @__PURE__ */ new Map();
      this.variables.dyn = this.unlistedVariablesAreDyn;
      for (const n in TYPES) this.registerConstant(n, "type", TYPES[n]);
    }
  }
  #ensureOwnVariables() {
    if (this.#ownsVariables) return;
    this.variables = new Map(this.variables);
    this.variables.dyn = this.unlistedVariablesAreDyn;
    this.#ownsVariables = true;
  }
  // Used by toggleOptionalTypes in optional.js to clear a variable before re-registering it
  deleteVariable(name) {
    this.#ensureOwnVariables();
    this.variables.delete(name);
  }
  #pushOperator(decl) {
    if (!this.#operators) this.#operatorsByOp = null;
    this.operatorCandidates(decl.operator).add(decl);
    this.#operators.push(decl);
  }
  #pushFunction(decl) {
    if (!this.#functions) this.#functionsByKey = null;
    this.#functionCandidates(decl.partitionKey).add(decl);
    this.#functions.push(decl);
  }
  #ensureCandiate(c, key) {
    return c.get(key) || c.set(key, new Candidates(this)).get(key);
  }
  #getOperators() {
    if (this.#operators) return this.#operators;
    return this.#operators = [...this.#others.operators];
  }
  #getFunctions() {
    if (this.#functions) return this.#functions;
    return this.#functions = [...this.#others.functions];
  }
  operatorCandidates(op) {
    if (this.#operatorsByOp) return this.#ensureCandiate(this.#operatorsByOp, op);
    const c = this.#operatorsByOp = /* @__PURE__ */ new Map();
    for (const decl of this.#getOperators()) this.#ensureCandiate(c, decl.operator).add(decl);
    return this.#ensureCandiate(c, op);
  }
  functionCandidates(rec, name, argLen) {
    return this.#functionCandidates(`${rec ? "rcall" : "call"}:${name}:${argLen}`);
  }
  #functionCandidates(key) {
    if (this.#functionsByKey) return this.#ensureCandiate(this.#functionsByKey, key);
    const c = this.#functionsByKey = /* @__PURE__ */ new Map();
    for (const decl of this.#getFunctions()) this.#ensureCandiate(c, decl.partitionKey).add(decl);
    return this.#ensureCandiate(c, key);
  }
  registerVariable(name, type, opts) {
    if (this.#locked) throw new Error("Cannot modify frozen registry");
    let description = opts?.description;
    let value;
    if (typeof name === "string" && typeof type === "object" && !(type instanceof TypeDeclaration)) {
      description = type.description;
      value = type.value;
      if (type.schema) type = this.registerType({ name: `$${name}`, schema: type.schema }).type;
      else type = type.type;
    } else if (typeof name === "object") {
      if (name.schema) type = this.registerType({ name: `$${name.name}`, schema: name.schema }).type;
      else type = name.type;
      description = name.description;
      value = name.value;
      name = name.name;
    }
    if (typeof name !== "string" || !name) throw invalidVar(`name must be a string`);
    if (RESERVED.has(name)) throw invalidVar(`'${name}' is a reserved name`);
    if (this.variables.get(name) !== void 0) throw invalidVar(`'${name}' is already registered`);
    if (typeof type === "string") type = this.getType(type);
    else if (!(type instanceof TypeDeclaration)) throw invalidVar(`type is required`);
    this.#ensureOwnVariables();
    this.variables.set(name, new VariableDeclaration(name, type, description, value));
    return this;
  }
  #registerSchemaAsType(name, schema) {
    const fields = /* @__PURE__ */ Object.create(null);
    for (const key of objKeys(schema)) {
      const def = schema[key];
      if (typeof def === "object" && def) {
        fields[key] = this.registerType({ name: `${name}.${key}`, schema: def }).type.name;
      } else if (typeof def === "string") {
        fields[key] = def;
      } else {
        throw new Error(`Invalid field definition for '${name}.${key}'`);
      }
    }
    return fields;
  }
  registerConstant(name, type, value) {
    if (typeof name === "object") this.registerVariable(name);
    else this.registerVariable({ name, type, value });
    return this;
  }
  getType(typename) {
    return this.#parseTypeString(typename, true);
  }
  getListType(type) {
    return this.#listTypes.get(type) || this.#listTypes.set(type, this.#parseTypeString(`list<${type}>`, true)).get(type);
  }
  getMapType(a, b) {
    return this.#mapTypes.get(a)?.get(b) || (this.#mapTypes.get(a) || this.#mapTypes.set(a, /* @__PURE__ */ new Map()).get(a)).set(b, this.#parseTypeString(`map<${a}, ${b}>`, true)).get(b);
  }
  getOptionalType(type) {
    return this.#optionalTypes.get(type) || this.#optionalTypes.set(type, this.#parseTypeString(`optional<${type}>`, true)).get(type);
  }
  assertType(typename, type, signature) {
    try {
      return this.#parseTypeString(typename, true);
    } catch (e) {
      e.message = `Invalid ${type} '${e.unknownType || typename}' in '${signature}'`;
      throw e;
    }
  }
  getFunctionType(typename) {
    if (typename === "ast") return astType;
    const t = this.#parseTypeString(typename, true);
    if (t.kind === "dyn" && t.valueType) throw new Error(`type '${t.name}' is not supported`);
    return t;
  }
  registerType(name, _d) {
    if (this.#locked) throw new Error("Cannot modify frozen registry");
    if (typeof name === "object") _d = name, name = _d.fullName || _d.name || _d.ctor?.name;
    if (typeof name === "string" && name[0] === ".") name = name.slice(1);
    if (typeof name !== "string" || name.length < 2 || RESERVED.has(name)) {
      throw invalidType(`name '${name}' is not valid`);
    }
    if (this.objectTypes.has(name)) throw invalidType(`type '${name}' already registered`);
    const type = this.#parseTypeString(name, false);
    if (type.kind !== "message") throw invalidType(`type '${name}' is not valid`);
    const decl = {
      name,
      typeType: new Type(name),
      type,
      ctor: typeof _d === "function" ? _d : _d?.ctor,
      convert: typeof _d === "function" ? void 0 : _d?.convert,
      fields: typeof _d?.schema === "object" ? this.#normalizeFields(name, this.#registerSchemaAsType(name, _d.schema)) : this.#normalizeFields(name, typeof _d === "function" ? void 0 : _d?.fields)
    };
    if (typeof decl.ctor !== "function") {
      if (!decl.fields) throw invalidType(`type '${name}' requires a constructor or fields`);
      Object.assign(decl, this.#createDefaultConvert(name, decl.fields));
    }
    this.objectTypes.set(name, Object.freeze(decl));
    this.objectTypesByConstructor.set(decl.ctor, decl);
    this.registerFunctionOverload(`type(${name}): type`, () => decl.typeType, { async: false });
    return decl;
  }
  /** @returns {TypeDeclaration} */
  #parseTypeString(typeStr, requireKnownTypes = true) {
    let match = this.#typeDeclarations.get(typeStr);
    if (match) return match;
    if (typeof typeStr !== "string" || !typeStr.length) {
      throw new Error(`Invalid type: must be a string`);
    }
    match = typeStr.match(/^[A-Z]$/);
    if (match) return this.#createDeclaration(_createPlaceholderType, typeStr, typeStr);
    match = typeStr.match(/^(dyn|list|map|optional)<(.+)>$/);
    if (!match) {
      if (requireKnownTypes) {
        const err = new Error(`Unknown type: ${typeStr}`);
        err.unknownType = typeStr;
        throw err;
      }
      return this.#createDeclaration(_createMessageType, typeStr, typeStr);
    }
    const kind = match[1];
    const inner = match[2].trim();
    switch (kind) {
      case "dyn": {
        const type = this.#parseTypeString(inner, requireKnownTypes).wrappedType;
        this.#typeDeclarations.set(type.name, type);
        return type;
      }
      case "list": {
        const vType = this.#parseTypeString(inner, requireKnownTypes);
        return this.#createDeclaration(_createListType, `list<${vType}>`, vType);
      }
      case "map": {
        const parts = splitByComma(inner);
        if (parts.length !== 2) throw new Error(`Invalid map type: ${typeStr}`);
        const kType = this.#parseTypeString(parts[0], requireKnownTypes);
        const vType = this.#parseTypeString(parts[1], requireKnownTypes);
        return this.#createDeclaration(_createMapType, `map<${kType}, ${vType}>`, kType, vType);
      }
      case "optional": {
        const vType = this.#parseTypeString(inner, requireKnownTypes);
        return this.#createDeclaration(_createOptionalType, `optional<${vType}>`, vType);
      }
    }
  }
  #createDeclaration(creator, key, ...args) {
    return this.#typeDeclarations.get(key) || this.#typeDeclarations.set(key, creator(...args)).get(key);
  }
  findMacro(name, hasReceiver, argLen) {
    return this.functionCandidates(hasReceiver, name, argLen).macro;
  }
  findUnaryOverload(op, left) {
    return this.operatorCandidates(op).findUnaryOverload(left);
  }
  findBinaryOverload(op, left, right) {
    return this.operatorCandidates(op).findBinaryOverload(left, right);
  }
  #toCelFieldType(field) {
    if (typeof field === "string") return { type: field };
    if (field.id) return protobufjsFieldToCelType(field);
    return field;
  }
  #toCelFieldDeclaration(typename, fields, k, requireKnownTypes = false) {
    try {
      const field = this.#toCelFieldType(fields[k]);
      if (typeof field?.type !== "string") throw new Error(`unsupported declaration`);
      return this.#parseTypeString(field.type, requireKnownTypes);
    } catch (e) {
      e.message = `Field '${k}' in type '${typename}' has unsupported declaration: ${JSON.stringify(fields[k])}`;
      throw e;
    }
  }
  #normalizeFields(typename, fields) {
    if (!fields) return;
    const all = /* @__PURE__ */ Object.create(null);
    for (const k of objKeys(fields)) all[k] = this.#toCelFieldDeclaration(typename, fields, k);
    return all;
  }
  #createDefaultConvert(name, fields) {
    const keys = objKeys(fields);
    const conversions = /* @__PURE__ */ Object.create(null);
    for (const k of keys) {
      const type = fields[k];
      const decl = type.kind === "message" && this.objectTypes.get(type.name);
      if (decl === false) conversions[k] = false;
      else conversions[k] = decl.convert ? decl : false;
    }
    const Ctor = {
      [name]: class extends Map {
        #raw;
        constructor(v) {
          super();
          this.#raw = v;
        }
        [Symbol.iterator]() {
          if (this.size !== keys.length) for (const k of keys) this.get(k);
          return super[Symbol.iterator]();
        }
        get(field) {
          let v = super.get(field);
          if (v !== void 0 || this.has(field)) return v;
          const dec = conversions[field];
          if (dec === void 0) return;
          v = this.#raw instanceof Map ? this.#raw.get(field) : this.#raw?.[field];
          if (dec && v && typeof v === "object") {
            switch (v.constructor) {
              case void 0:
              case Object:
              case Map:
                v = dec.convert(v);
            }
          }
          return super.set(field, v), v;
        }
      }
    }[name];
    return {
      ctor: Ctor,
      convert(v) {
        if (!v) return;
        if (v.constructor === Ctor) return v;
        return new Ctor(v);
      }
    };
  }
  clone(opts) {
    this.#locked = true;
    return new _Registry({
      parent: this,
      unlistedVariablesAreDyn: opts.unlistedVariablesAreDyn,
      enableOptionalTypes: opts.enableOptionalTypes
    });
  }
  getDefinitions() {
    const variables = [];
    const functions = [];
    for (const [, varDecl] of this.variables) {
      if (!varDecl) continue;
      variables.push({
        name: varDecl.name,
        description: varDecl.description || null,
        type: varDecl.type.name
      });
    }
    for (const decl of this.#getFunctions()) {
      functions.push({
        signature: decl.signature,
        name: decl.name,
        description: decl.description,
        receiverType: decl.receiverType ? decl.receiverType.name : null,
        returnType: decl.returnType.name,
        params: decl.params.map((p) => ({
          name: p.name,
          type: p.type.name,
          description: p.description
        }))
      });
    }
    return { variables, functions };
  }
  #parseSignature(signature) {
    if (typeof signature !== "string") throw new Error("Invalid signature: must be a string");
    const match = signature.match(/^(?:([a-zA-Z0-9.<>]+)\.)?(\w+)\(([^)]*)\):(.*)$/);
    if (!match) throw new Error(`Invalid signature: ${signature}`);
    const returnType = match[4].trim();
    if (!returnType) throw new Error(`Invalid signature: ${signature}`);
    return {
      receiverType: match[1] || null,
      name: match[2],
      argTypes: splitByComma(match[3]),
      returnType
    };
  }
  /**
   * @param {FunctionDeclaration} a
   * @param {FunctionDeclaration} b
   */
  #functionSignatureOverlaps(a, b) {
    if (a.name !== b.name) return false;
    if (a.argTypes.length !== b.argTypes.length) return false;
    if ((a.receiverType || b.receiverType) && (!a.receiverType || !b.receiverType)) return false;
    const isDifferentReceiver = a.receiverType !== b.receiverType && a.receiverType !== dynType && b.receiverType !== dynType;
    return !isDifferentReceiver && (b.macro || a.macro || b.argTypes.every((t, i) => {
      const o = a.argTypes[i];
      return t === o || t === dynType || o === dynType;
    }));
  }
  /** @param {FunctionDeclaration} newDec */
  #checkOverlappingSignatures(newDec) {
    for (const decl of this.#functionCandidates(newDec.partitionKey)) {
      if (!this.#functionSignatureOverlaps(decl, newDec)) continue;
      throw new Error(
        `Function signature '${newDec.signature}' overlaps with existing overload '${decl.signature}'.`
      );
    }
  }
  #normalizeParam(i, aType, param) {
    if (!param) return { type: this.getFunctionType(aType), name: `arg${i}`, description: null };
    const type = param.type || aType;
    if (!type) throw new Error(`params[${i}].type is required`);
    if (aType && type !== aType) throw new Error(`params[${i}].type not equal to signature type`);
    return {
      name: param.name || `arg${i}`,
      type: this.getFunctionType(type),
      description: param.description ?? null
    };
  }
  registerFunctionOverload(s, handler, opts) {
    if (this.#locked) throw new Error("Cannot modify frozen registry");
    if (typeof s === "object") opts = s;
    else if (typeof handler === "object") opts = handler;
    else if (!opts) opts = {};
    const sig = typeof s === "string" ? s : opts.signature ?? void 0;
    const parsed = sig !== void 0 ? this.#parseSignature(sig) : void 0;
    const name = parsed?.name || opts.name;
    const receiverType = parsed?.receiverType || opts.receiverType;
    const argTypes = parsed?.argTypes;
    const returnType = parsed?.returnType || opts.returnType;
    const params = opts.params;
    handler = typeof handler === "function" ? handler : opts.handler;
    let dec;
    try {
      if (!name) throw new Error(`signature or name are required`);
      if (!returnType) throw new Error(`must have a returnType`);
      if (params) {
        if (argTypes && params.length !== argTypes.length) {
          throw new Error(`mismatched length in params and args in signature`);
        }
      } else if (!argTypes) throw new Error(`signature or params are required`);
      dec = new FunctionDeclaration({
        name,
        async: opts?.async,
        receiverType: receiverType ? this.getType(receiverType) : null,
        returnType: this.getType(returnType),
        handler,
        description: opts.description,
        params: (argTypes || params).map(
          (_, i) => this.#normalizeParam(i, argTypes?.[i], params?.[i])
        )
      });
    } catch (e) {
      if (typeof sig === "string") e.message = `Invalid function declaration '${sig}': ${e.message}`;
      else if (name) e.message = `Invalid function declaration '${name}': ${e.message}`;
      else e.message = `Invalid function declaration: ${e.message}`;
      throw e;
    }
    this.#checkOverlappingSignatures(dec);
    this.#pushFunction(dec);
  }
  registerOperatorOverload(string, handler, opts) {
    const unaryParts = string.match(/^([-!])([\w.<>]+)(?::\s*([\w.<>]+))?$/);
    if (unaryParts) {
      const [, op2, operandType, returnType2] = unaryParts;
      return this.unaryOverload(op2, operandType, handler, returnType2, opts?.async);
    }
    const parts = string.match(
      /^([\w.<>]+) ([-+*%/]|==|!=|<|<=|>|>=|in) ([\w.<>]+)(?::\s*([\w.<>]+))?$/
    );
    if (!parts) throw new Error(`Operator overload invalid: ${string}`);
    const [, leftType, op, rightType, returnType] = parts;
    return this.binaryOverload(leftType, op, rightType, handler, returnType);
  }
  unaryOverload(op, typeStr, handler, returnTypeStr, async) {
    if (this.#locked) throw new Error("Cannot modify frozen registry");
    const leftType = this.assertType(typeStr, "type", `${op}${typeStr}`);
    const returnType = this.assertType(
      returnTypeStr || typeStr,
      "return type",
      `${op}${typeStr}: ${returnTypeStr || typeStr}`
    );
    const d = new OperatorDeclaration({ op: `${op}_`, leftType, returnType, handler, async });
    this.#pushOperator(this.#assertOverload(d));
  }
  #hasOverload(d) {
    for (const o of this.operatorCandidates(d.operator)) if (d.equals(o)) return true;
    return false;
  }
  #assertOverload(decl) {
    if (!this.#hasOverload(decl)) return decl;
    throw new Error(`Operator overload already registered: ${decl.signature}`);
  }
  binaryOverload(leftTypeStr, op, rightTypeStr, handler, returnTypeStr, async) {
    if (this.#locked) throw new Error("Cannot modify frozen registry");
    returnTypeStr ??= isRelational.has(op) ? "bool" : leftTypeStr;
    const sig = `${leftTypeStr} ${op} ${rightTypeStr}: ${returnTypeStr}`;
    let leftType = this.assertType(leftTypeStr, "left type", sig);
    let rightType = this.assertType(rightTypeStr, "right type", sig);
    const returnType = this.assertType(returnTypeStr, "return type", sig);
    if (leftType.kind === "dyn" && leftType.valueType) rightType = rightType.wrappedType;
    else if (rightType.kind === "dyn" && rightType.valueType) leftType = leftType.wrappedType;
    if (isRelational.has(op) && returnType.type !== "bool") {
      throw new Error(`Comparison operator '${op}' must return 'bool', got '${returnType.type}'`);
    }
    const dec = new OperatorDeclaration({ op, leftType, rightType, returnType, handler, async });
    if (dec.hasPlaceholderType && !(rightType.hasPlaceholderType && leftType.hasPlaceholderType)) {
      throw new Error(
        `Operator overload with placeholders must use them in both left and right types: ${sig}`
      );
    }
    this.#assertOverload(dec);
    if (op === "==") {
      const declarations = [
        new OperatorDeclaration({
          op: "!=",
          leftType,
          rightType,
          handler(a, b, ast, ev) {
            return !handler(a, b, ast, ev);
          },
          returnType,
          async
        })
      ];
      if (leftType !== rightType) {
        declarations.push(
          new OperatorDeclaration({
            op: "==",
            leftType: rightType,
            rightType: leftType,
            handler(a, b, ast, ev) {
              return handler(b, a, ast, ev);
            },
            returnType,
            async
          }),
          new OperatorDeclaration({
            op: "!=",
            leftType: rightType,
            rightType: leftType,
            handler(a, b, ast, ev) {
              return !handler(b, a, ast, ev);
            },
            returnType,
            async
          })
        );
      }
      for (const decl of declarations) this.#assertOverload(decl);
      for (const decl of declarations) this.#pushOperator(decl);
    }
    this.#pushOperator(dec);
  }
};
var isRelational = /* @__PURE__ */ new Set(["<", "<=", ">", ">=", "==", "!=", "in"]);
function createRegistry(opts) {
  return new Registry(opts);
}
var RootContext = class {
  #vars;
  #contextObj;
  #contextMap;
  #convertCache;
  constructor(registry, context) {
    this.#vars = registry.variables;
    if (context === void 0 || context === null) return;
    if (typeof context !== "object") {
      throw evaluationError("invalid_context", "Context must be an object");
    }
    if (context instanceof Map) this.#contextMap = context;
    else this.#contextObj = context;
  }
  getValue(key) {
    return this.#convertCache?.get(key) || (this.#contextObj ? this.#contextObj[key] : this.#contextMap?.get(key));
  }
  getVariable(name) {
    return this.#vars.get(name) ?? (this.#vars.dyn && !RESERVED.has(name) ? new VariableDeclaration(name, dynType) : void 0);
  }
  getCheckedValue(ev, ast) {
    const v = this.getValue(ast.args);
    if (v === void 0) throw ev.createError("unknown_variable", `Unknown variable: ${ast.args}`, ast);
    if (ast.checkedType.matchesValueType(v, ev)) return v;
    const type = ast.checkedType;
    const valueType = ev.debugType(v);
    if (type.kind === "message" && valueType.kind === "map") {
      const c = ev.objectTypes.get(type.name)?.convert?.(v);
      if (c) return (this.#convertCache ??= /* @__PURE__ */ new Map()).set(ast.args, c), c;
    }
    throw ev.createError(
      "variable_type_mismatch",
      `Variable '${ast.args}' is not of type '${type}', got '${valueType}'`,
      ast
    );
  }
  forkWithVariable(iterVar, iterType) {
    return new OverlayContext(this, iterVar, iterType);
  }
};
var OverlayContext = class _OverlayContext {
  #parent;
  accuType;
  accuValue;
  iterValue;
  constructor(parent, iterVar, iterType) {
    this.#parent = parent;
    this.iterVar = iterVar;
    this.iterType = iterType;
  }
  forkWithVariable(iterVar, iterType) {
    return new _OverlayContext(this, iterVar, iterType);
  }
  reuse(parent) {
    if (!this.async) return this.#parent = parent, this;
    const ctx = new _OverlayContext(parent, this.iterVar, this.iterType);
    ctx.accuType = this.accuType;
    return ctx;
  }
  setIterValue(v, ev) {
    if (this.iterType.matchesValueType(v, ev)) return this.iterValue = v, this;
    const type = this.iterType;
    const valueType = ev.debugType(v);
    if (type.kind === "message" && valueType.kind === "map") {
      const c = ev.objectTypes.get(type.name)?.convert?.(v);
      if (c) return this.iterValue = c, this;
    }
    throw ev.createError(
      "variable_type_mismatch",
      `Variable '${this.iterVar}' is not of type '${type}', got '${valueType}'`
    );
  }
  setAccuType(type) {
    return this.accuType = type, this;
  }
  setAccuValue(v) {
    return this.accuValue = v, this;
  }
  getValue(key) {
    return this.iterVar === key ? this.iterValue : this.#parent.getValue(key);
  }
  getCheckedValue(ev, ast) {
    if (this.iterVar === ast.args) return this.iterValue;
    return this.#parent.getCheckedValue(ev, ast);
  }
  getVariable(name) {
    if (this.iterVar === name) return new VariableDeclaration(name, this.iterType);
    return this.#parent.getVariable(name);
  }
};
function protobufjsFieldToCelType(field) {
  let fieldType;
  if (field.map) {
    const keyType = protobufjsTypeToCelType(field.keyType, field.resolvedKeyType);
    const valueType = protobufjsTypeToCelType(field.type, field.resolvedType);
    fieldType = `map<${keyType}, ${valueType}>`;
  } else {
    fieldType = protobufjsTypeToCelType(field.type, field.resolvedType);
  }
  return { type: field.repeated ? `list<${fieldType}>` : fieldType };
}
function protobufjsTypeToCelType(protoType, resolvedType) {
  switch (protoType) {
    case "string":
      return "string";
    case "bytes":
      return "bytes";
    case "bool":
      return "bool";
    // protobufjs uses JavaScript numbers for all numeric types
    case "double":
    case "float":
    case "int32":
    case "int64":
    case "sint32":
    case "sint64":
    case "sfixed32":
    case "sfixed64":
    case "uint32":
    case "uint64":
    case "fixed32":
    case "fixed64":
      return "double";
    default:
      switch (resolvedType?.constructor.name) {
        case "Type":
          return resolvedType.fullName.slice(1);
        case "Enum":
          return "int";
      }
      if (protoType?.includes(".")) return protoType;
      return "dyn";
  }
}

// node_modules/@marcbachmann/cel-js/lib/operators.js
var dynType2 = celTypes.dyn;
var Base = class {
  dynType = celTypes.dyn;
  optionalType = celTypes.optional;
  stringType = celTypes.string;
  intType = celTypes.int;
  doubleType = celTypes.double;
  boolType = celTypes.bool;
  nullType = celTypes.null;
  listType = celTypes.list;
  mapType = celTypes.map;
  constructor(opts) {
    this.opts = opts.opts;
    this.registry = opts.registry;
    this.objectTypes = this.registry.objectTypes;
    this.objectTypesByConstructor = this.registry.objectTypesByConstructor;
  }
  /**
   * Get a TypeDeclaration instance for a type name
   * @param {string} typeName - The type name (e.g., 'string', 'int', 'dyn')
   * @returns {TypeDeclaration} The type declaration instance
   */
  getType(typeName2) {
    return this.registry.getType(typeName2);
  }
  debugType(v) {
    switch (typeof v) {
      case "string":
        return this.stringType;
      case "bigint":
        return this.intType;
      case "number":
        return this.doubleType;
      case "boolean":
        return this.boolType;
      case "object":
        if (v === null) return this.nullType;
        switch (v.constructor) {
          case void 0:
          case Object:
          case Map:
            return this.mapType;
          case Array:
          case Set:
            return this.listType;
          default:
            return this.objectTypesByConstructor.get(v.constructor)?.type || unsupportedType(this, v.constructor?.name || typeof v);
        }
      default:
        unsupportedType(this, typeof v);
    }
  }
};
function unsupportedType(self, type) {
  throw self.createError("unsupported_type", `Unsupported type: ${type}`);
}
var maybeAsyncArray = (a) => Array.isArray(a) ? a.some((n) => n.maybeAsync) : false;
function maybeAsync(l, r, h) {
  if (r === true || r && (r?.maybeAsync || maybeAsyncArray(r))) return maybeAsyncBoth(h);
  if (l === true || l && (l?.maybeAsync || maybeAsyncArray(l))) return maybeAsyncFirst(h);
  return h;
}
function maybeAsyncBoth(handler) {
  return handler.__asyncBoth ??= function handle(a, b, c, d) {
    if (!(a instanceof Promise || b instanceof Promise)) return handler(a, b, c, d);
    if (!(b instanceof Promise)) return a.then((_a) => handler(_a, b, c, d));
    if (!(a instanceof Promise)) return b.then((_b) => handler(a, _b, c, d));
    return Promise.all([a, b]).then((p) => handler(p[0], p[1], c, d));
  };
}
function maybeAsyncFirst(handler) {
  return handler.__asyncFirst ??= function handle(a, b, c, d) {
    if (a instanceof Promise) return a.then((_a) => handler(_a, b, c, d));
    return handler(a, b, c, d);
  };
}
function checkAccessNode(chk, ast, ctx) {
  ast.right = ast.args[1];
  const leftType = chk.check(ast.left = ast.args[0], ctx);
  if (ast.op === "[]") chk.check(ast.right, ctx);
  ast.handle = maybeAsync(
    ast.left,
    ast.op === "[]" ? ast.right : false,
    leftType !== dynType2 ? fieldAccessStatic : fieldAccess
  );
  if (leftType.kind !== "optional") return chk.checkAccessOnType(ast, ctx, leftType);
  return chk.registry.getOptionalType(chk.checkAccessOnType(ast, ctx, leftType.valueType, true));
}
function checkOptionalAccessNode(chk, ast, ctx) {
  ast.right = ast.args[1];
  const leftType = chk.check(ast.left = ast.args[0], ctx);
  if (ast.op === "[?]") chk.check(ast.right, ctx);
  ast.handle = maybeAsync(ast.left, ast.op === "[?]" ? ast.right : false, oFieldAccess);
  const actualType = leftType.kind === "optional" ? leftType.valueType : leftType;
  return chk.registry.getOptionalType(chk.checkAccessOnType(ast, ctx, actualType, true));
}
var HOMOGENEOUS_PREFIX = {
  heterogeneous_list_element: "List elements must have the same type,",
  heterogeneous_map_key: "Map key uses wrong type,",
  heterogeneous_map_value: "Map value uses wrong type,"
};
function checkElementHomogenous(chk, ctx, expected, el, code) {
  const type = chk.check(el, ctx);
  if (type === expected || expected.isEmpty()) return type;
  if (type.isEmpty()) return expected;
  throw chk.createError(
    code,
    `${HOMOGENEOUS_PREFIX[code]} expected type '${chk.formatType(expected)}' but found '${chk.formatType(type)}'`,
    el
  );
}
function checkElement(chk, ctx, expected, el) {
  return expected.unify(chk.registry, chk.check(el, ctx)) || dynType2;
}
function ternaryConditionError(ev, value, node) {
  const type = ev.debugRuntimeType(value);
  return ev.createError(
    "invalid_condition_type",
    `${node.meta.label || "Ternary condition must be bool"}, got '${type}'`,
    node
  );
}
function handleTernary(c, ev, ast, ctx) {
  if (c === true) return ev.run(ast.left, ctx);
  if (c === false) return ev.run(ast.right, ctx);
  throw ternaryConditionError(ev, c, ast.condition);
}
function logicalOperandError(ev, value, node) {
  const type = ev.debugRuntimeType(value);
  return ev.createError(
    "invalid_logical_operand",
    `Logical operator requires bool operands, got '${type}'`,
    node
  );
}
function logicalValueOrErr(ev, v, node) {
  if (v instanceof Error) return v;
  return logicalOperandError(ev, v, node);
}
function _logicalOp(exp, ev, ast, left, right) {
  if (right === exp) return exp;
  if (right === !exp) {
    if (left === right) return right;
    throw logicalValueOrErr(ev, left, ast.left);
  }
  if (right instanceof Promise) return right.then((r) => _logicalOpAsync(exp, ev, ast, left, r));
  throw logicalOperandError(ev, right, ast.left);
}
function _logicalOpAsync(exp, ev, ast, left, right) {
  if (right === exp) return exp;
  if (typeof right !== "boolean") throw logicalOperandError(ev, right, ast.right);
  if (typeof left !== "boolean") throw logicalValueOrErr(ev, left, ast.left);
  return !exp;
}
function checkLogicalOp(chk, ast, ctx) {
  const leftType = chk.check(ast.left = ast.args[0], ctx);
  const rightType = chk.check(ast.right = ast.args[1], ctx);
  if (!leftType.isDynOrBool()) {
    throw chk.createError(
      "invalid_logical_operand",
      `Logical operator requires bool operands, got '${chk.formatType(leftType)}'`,
      ast
    );
  }
  if (!rightType.isDynOrBool()) {
    throw chk.createError(
      "invalid_logical_operand",
      `Logical operator requires bool operands, got '${chk.formatType(rightType)}'`,
      ast
    );
  }
  return chk.boolType;
}
function checkUnary(chk, ast, ctx) {
  const op = ast.op;
  const right = chk.check(ast.args, ctx);
  ast.candidates = chk.registry.operatorCandidates(op);
  if (right.kind === "dyn") {
    ast.handle = maybeAsync(ast.args, false, handleUnary);
    return ast.candidates.returnType;
  }
  const overload = ast.candidates.findUnaryOverload(right);
  if (!overload) {
    throw chk.createError(
      "no_such_overload",
      `no such overload: ${op[0]}${chk.formatType(right)}`,
      ast
    );
  }
  ast.handle = maybeAsync(ast.args, false, overload.handler);
  return overload.returnType;
}
function handleUnary(left, ast, ev) {
  const leftType = ev.debugRuntimeType(left, ast.args.checkedType);
  const overload = ast.candidates.findUnaryOverload(leftType);
  if (overload) return overload.handler(left);
  throw ev.createError("no_such_overload", `no such overload: ${ast.op[0]}${leftType}`, ast);
}
function evaluateUnary(ev, ast, ctx) {
  return ast.handle(ev.run(ast.args, ctx), ast, ev);
}
function checkBinary(chk, ast, ctx) {
  const op = ast.op;
  const left = chk.check(ast.left = ast.args[0], ctx);
  const right = chk.check(ast.right = ast.args[1], ctx);
  ast.candidates = chk.registry.operatorCandidates(op);
  const overload = left.hasDynType || right.hasDynType ? void 0 : ast.candidates.findBinaryOverload(left, right);
  ast.handle = maybeAsync(ast.left, ast.right, overload?.handler || handleBinary);
  if (overload) return overload.returnType;
  const type = ast.candidates.checkBinaryOverload(left, right);
  if (!left.hasDynType) ast.leftStaticType = left;
  if (!right.hasDynType) ast.rightStaticType = right;
  if (type) return type;
  throw chk.createError(
    "no_such_overload",
    `no such overload: ${chk.formatType(left)} ${op} ${chk.formatType(right)}`,
    ast
  );
}
function evaluateBinary(ev, ast, ctx) {
  return ast.handle(ev.run(ast.left, ctx), ev.run(ast.right, ctx), ast, ev);
}
function evaluateBinaryFirst(ev, ast, ctx) {
  return ast.handle(ev.run(ast.left, ctx), ast.right, ast, ev);
}
function handleBinary(left, right, ast, ev) {
  const leftType = ast.leftStaticType || ev.debugTypeDeep(left).wrappedType;
  const rightType = ast.rightStaticType || ev.debugTypeDeep(right).wrappedType;
  const overload = ast.candidates.findBinaryOverload(leftType, rightType);
  if (overload) return overload.handler(left, right, ast, ev);
  throw ev.createError(
    "no_such_overload",
    `no such overload: ${leftType} ${ast.op} ${rightType}`,
    ast
  );
}
function callFunctionHandler(handler, ev, args, ast) {
  try {
    const result = handler.apply(ev, args);
    if (result instanceof Promise) {
      return result.catch((error) => {
        throw attachErrorAst(error, ast);
      });
    }
    return result;
  } catch (error) {
    throw attachErrorAst(error, ast);
  }
}
function callFn(args, ast, ev) {
  const argAst = ast.args[1];
  const types = ast.argTypes;
  let i = argAst.length;
  while (i--) types[i] = ev.debugRuntimeType(args[i], argAst[i].checkedType);
  const decl = ast.candidates.findFunction(types);
  if (decl) return callFunctionHandler(decl.handler, ev, args, ast);
  throw ev.createError(
    "no_matching_overload",
    `found no matching overload for '${ast.args[0]}(${types.map((t) => t.unwrappedType).join(", ")})'`,
    ast
  );
}
function callRecFn(args, ev, ast) {
  const [, receiverAst, argAst] = ast.args;
  const types = ast.argTypes;
  for (let i = 0; i < types.length; i++)
    types[i] = ev.debugRuntimeType(args[i + 1], argAst[i].checkedType);
  const receiverType = ev.debugRuntimeType(args[0], receiverAst.checkedType);
  const decl = ast.candidates.findFunction(types, receiverType);
  if (decl) return callFunctionHandler(decl.handler, ev, args, ast);
  throw ev.createError(
    "no_matching_overload",
    `found no matching overload for '${receiverType.type}.${ast.args[0]}(${types.map((t) => t.unwrappedType).join(", ")})'`,
    ast
  );
}
function resolveAstArray(ev, astArray, ctx, i = astArray.length) {
  if (i === 0) return [];
  let async;
  const results = new Array(i);
  while (i--) if ((results[i] = ev.run(astArray[i], ctx)) instanceof Promise) async ??= true;
  return async ? Promise.all(results) : results;
}
function safeFromEntries(entries) {
  const obj = {};
  for (let i = 0; i < entries.length; i++) {
    const [k, v] = entries[i];
    if (k === "__proto__" || k === "constructor" || k === "prototype") continue;
    obj[k] = v;
  }
  return obj;
}
function comprehensionElementType(chk, iterable, ctx) {
  const iterType = chk.check(iterable, ctx);
  if (iterType.kind === "dyn") return iterType;
  if (iterType.kind === "list") return iterType.valueType;
  if (iterType.kind === "map") return iterType.keyType;
  throw chk.createError(
    "invalid_comprehension_range",
    `Expression of type '${chk.formatType(
      iterType
    )}' cannot be range of a comprehension (must be list, map, or dynamic).`,
    iterable
  );
}
function toIterable(ev, args, coll) {
  if (coll instanceof Set) return [...coll];
  if (coll instanceof Map) return [...coll.keys()];
  if (coll && typeof coll === "object") return objKeys(coll);
  throw ev.createError(
    "invalid_comprehension_range",
    `Expression of type '${ev.debugType(
      coll
    )}' cannot be range of a comprehension (must be list, map, or dynamic).`,
    args.iterable
  );
}
function runQualifier(items, args, ev, ctx) {
  if (!isArray(items)) items = toIterable(ev, args, items);
  const accu = ev.run(args.init, ctx = args.iterCtx.reuse(ctx));
  ctx.accuValue = accu;
  if (ctx === args.iterCtx) return iterateQuantifier(ev, ctx, args, items, accu, 0);
  return continueQuantifier(ev, ctx, args, items, accu, 0);
}
function runComprehension(items, args, ev, ctx) {
  if (!isArray(items)) items = toIterable(ev, args, items);
  const accu = ev.run(args.init, ctx = args.iterCtx.reuse(ctx));
  ctx.accuValue = accu;
  if (ctx === args.iterCtx) return iterateLoop(ev, ctx, args, items, accu, 0);
  return continueLoop(ev, ctx, args, items, accu, 0);
}
function iterateLoop(ev, ctx, args, items, accu, i) {
  const condition = args.condition;
  const step = args.step;
  const len = items.length;
  while (i < len) {
    if (condition && !condition(accu)) break;
    accu = ev.run(step, ctx.setIterValue(items[i++], ev));
    if (accu instanceof Promise) return continueLoop(ev, ctx, args, items, accu, i);
  }
  return args.result(accu);
}
async function continueLoop(ev, ctx, args, items, accu, i) {
  if (ctx === args.iterCtx) ctx.async = true;
  const condition = args.condition;
  const step = args.step;
  const len = items.length;
  accu = await accu;
  while (i < len) {
    if (condition && !condition(accu)) return args.result(accu);
    accu = ev.run(step, ctx.setIterValue(items[i++], ev));
    if (accu instanceof Promise) accu = await accu;
  }
  return args.result(accu);
}
function iterateQuantifier(ev, ctx, args, items, accu, i, error, stp) {
  const condition = args.condition;
  const step = args.step;
  const len = items.length;
  while (i < len) {
    if (!condition(accu)) return args.result(accu);
    stp = ev.tryEval(step, ctx.setIterValue(items[i++], ev));
    if (stp instanceof Promise) return continueQuantifier(ev, ctx, args, items, accu, i, error, stp);
    if (stp instanceof Error && (error ??= stp)) continue;
    accu = stp;
  }
  if (error && condition(accu)) throw error;
  return args.result(accu);
}
async function continueQuantifier(ev, ctx, args, items, accu, i, error, stp) {
  if (ctx === args.iterCtx) ctx.async = true;
  const condition = args.condition;
  const step = args.step;
  const len = items.length;
  stp = await stp;
  if (stp instanceof Error) error ??= stp;
  else accu = stp;
  while (i < len) {
    if (!condition(accu)) return args.result(accu);
    stp = ev.tryEval(step, ctx.setIterValue(items[i++], ev));
    if (stp instanceof Promise) stp = await stp;
    if (stp instanceof Error && (error ??= stp)) continue;
    accu = stp;
  }
  if (error && condition(accu)) throw error;
  return args.result(accu);
}
function oFieldAccess(left, right, ast, ev) {
  return ev.optionalType.field(left, right, ast, ev);
}
function fieldAccessStatic(left, right, ast, ev) {
  return ast.left.checkedType.field(left, right, ast, ev);
}
var empty = /* @__PURE__ */ Object.create(null);
function fieldAccess(left, right, ast, ev) {
  switch (left?.constructor) {
    case void 0:
    case Object: {
      const v = hasOwn(left || empty, right) ? left[right] : void 0;
      if (v !== void 0) return ev.debugType(v), v;
      break;
    }
    case Map: {
      const v = left.get(right);
      if (v !== void 0) return ev.debugType(v), v;
      break;
    }
    case Array:
    case Set:
      return ev.listType.field(left, right, ast, ev);
    default:
      const t = ev.objectTypesByConstructor.get(left.constructor);
      if (t) return t.type.field(left, right, ast, ev);
      else if (typeof left === "object") unsupportedType(ev, left.constructor.name);
  }
  throw ev.createError("no_such_key", `No such key: ${right}`, ast);
}
var emptyList = () => [];
var emptyMap = () => ({});
var OPERATORS = {
  value: {
    check(chk, ast) {
      return chk.debugType(ast.args);
    },
    evaluate(_ev, ast) {
      return ast.args;
    }
  },
  id: {
    check(chk, ast, ctx) {
      const variable = ctx.getVariable(ast.args);
      if (!variable) throw chk.createError("unknown_variable", `Unknown variable: ${ast.args}`, ast);
      if (variable.constant) {
        const alternate = ast.clone(OPERATORS.value, variable.value);
        ast.setMeta("alternate", alternate);
        return chk.check(alternate, ctx);
      }
      return variable.type;
    },
    evaluate(ev, ast, ctx) {
      return ctx.getCheckedValue(ev, ast);
    }
  },
  ".": {
    alias: "fieldAccess",
    check: checkAccessNode,
    evaluate: evaluateBinaryFirst
  },
  ".?": {
    alias: "optionalFieldAccess",
    check: checkOptionalAccessNode,
    evaluate: evaluateBinaryFirst
  },
  "[]": {
    alias: "bracketAccess",
    check: checkAccessNode,
    evaluate: evaluateBinary
  },
  "[?]": {
    alias: "optionalBracketAccess",
    check: checkOptionalAccessNode,
    evaluate: evaluateBinary
  },
  call: {
    check(chk, ast, ctx) {
      const [functionName, args] = ast.args;
      const candidates = ast.candidates = chk.registry.functionCandidates(
        false,
        functionName,
        args.length
      );
      const argTypes = ast.argTypes = args.map((a) => chk.check(a, ctx));
      const decl = candidates.findFunction(argTypes);
      if (!decl) {
        throw chk.createError(
          "no_matching_overload",
          `found no matching overload for '${functionName}(${chk.formatTypeList(argTypes)})'`,
          ast
        );
      }
      const handle = argTypes.some((t) => t.hasDynType) ? callFn : decl.handler.__handle ??= (l, _ast, e) => callFunctionHandler(decl.handler, e, l, _ast);
      ast.handle = maybeAsync(args, false, handle);
      return decl.returnType;
    },
    evaluate(ev, ast, ctx) {
      return ast.handle(resolveAstArray(ev, ast.args[1], ctx), ast, ev);
    }
  },
  rcall: {
    check(chk, ast, ctx) {
      const [methodName, receiver, args] = ast.args;
      const receiverType = chk.check(receiver, ctx);
      const candidates = ast.candidates = chk.registry.functionCandidates(
        true,
        methodName,
        args.length
      );
      const argTypes = ast.argTypes = args.map((a) => chk.check(a, ctx));
      ast.receiverWithArgs = [receiver, ...args];
      ast.handle = maybeAsync(ast.receiverWithArgs, false, callRecFn);
      if (receiverType.kind === "dyn" && candidates.returnType) return candidates.returnType;
      const decl = candidates.findFunction(argTypes, receiverType);
      if (!decl) {
        throw chk.createError(
          "no_matching_overload",
          `found no matching overload for '${receiverType.type}.${methodName}(${chk.formatTypeList(
            argTypes
          )})'`,
          ast
        );
      }
      if (!receiverType.hasPlaceholderType && !argTypes.some((t) => t.hasDynType)) {
        const fn = decl.handler;
        const handle = fn.__handle ??= (a, ev, _ast) => callFunctionHandler(fn, ev, a, _ast);
        ast.handle = maybeAsync(ast.receiverWithArgs, false, handle);
      }
      return decl.returnType;
    },
    evaluate(ev, ast, ctx) {
      return ast.handle(resolveAstArray(ev, ast.receiverWithArgs, ctx), ev, ast);
    }
  },
  list: {
    check(chk, ast, ctx) {
      const arr = ast.args;
      const arrLen = arr.length;
      if (arrLen === 0) return ast.setMeta("evaluate", emptyList) && chk.getType("list<T>");
      let valueType = chk.check(arr[0], ctx);
      const check2 = chk.opts.homogeneousAggregateLiterals ? checkElementHomogenous : checkElement;
      for (let i = 1; i < arrLen; i++)
        valueType = check2(chk, ctx, valueType, arr[i], "heterogeneous_list_element");
      return chk.registry.getListType(valueType);
    },
    evaluate(ev, ast, ctx) {
      return resolveAstArray(ev, ast.args, ctx);
    }
  },
  map: {
    check(chk, ast, ctx) {
      const arr = ast.args;
      const arrLen = arr.length;
      if (arrLen === 0) return ast.setMeta("evaluate", emptyMap) && chk.getType("map<K, V>");
      const check2 = chk.opts.homogeneousAggregateLiterals ? checkElementHomogenous : checkElement;
      let keyType = chk.check(arr[0][0], ctx);
      let valueType = chk.check(arr[0][1], ctx);
      for (let i = 1; i < arrLen; i++) {
        const e = arr[i];
        keyType = check2(chk, ctx, keyType, e[0], "heterogeneous_map_key");
        valueType = check2(chk, ctx, valueType, e[1], "heterogeneous_map_value");
      }
      return chk.registry.getMapType(keyType, valueType);
    },
    evaluate(ev, ast, ctx) {
      const astEntries = ast.args;
      const len = astEntries.length;
      const results = new Array(len);
      let async;
      for (let i = 0; i < len; i++) {
        const e = astEntries[i];
        const k = ev.run(e[0], ctx);
        const v = ev.run(e[1], ctx);
        if (k instanceof Promise || v instanceof Promise) {
          results[i] = Promise.all([k, v]);
          async ??= true;
        } else {
          results[i] = [k, v];
        }
      }
      if (async) return Promise.all(results).then(safeFromEntries);
      return safeFromEntries(results);
    }
  },
  comprehension: {
    check(chk, ast, ctx) {
      const args = ast.args;
      args.iterCtx = ctx.forkWithVariable(args.iterVarName, comprehensionElementType(chk, args.iterable, ctx)).setAccuType(chk.check(args.init, ctx));
      const stepType = chk.check(args.step, args.iterCtx);
      const handler = args.errorsAreFatal ? runComprehension : runQualifier;
      ast.handle = maybeAsync(args.iterable, false, handler);
      if (args.kind === "quantifier") return chk.boolType;
      return stepType;
    },
    evaluate(ev, ast, ctx) {
      return ast.handle(ev.run(ast.args.iterable, ctx), ast.args, ev, ctx);
    }
  },
  accuValue: {
    check(_chk, _ast, ctx) {
      return ctx.accuType;
    },
    evaluate(_ev, _ast, ctx) {
      return ctx.accuValue;
    }
  },
  accuInc: {
    check(_chk, _ast, ctx) {
      return ctx.accuType;
    },
    evaluate(_ev, _ast, ctx) {
      return ctx.accuValue += 1;
    }
  },
  accuPush: {
    check(chk, ast, ctx) {
      const listType2 = ctx.accuType;
      const itemType = chk.check(ast.args, ctx);
      if (!ast.args.maybeAsync) ast.setMeta("evaluate", OPERATORS.accuPush.evaluateSync);
      if (listType2.kind === "list" && listType2.valueType.kind !== "param") return listType2;
      return chk.registry.getListType(itemType);
    },
    evaluateSync(ev, ast, ctx) {
      return ctx.accuValue.push(ev.run(ast.args, ctx)), ctx.accuValue;
    },
    evaluate(ev, ast, ctx) {
      const arr = ctx.accuValue;
      const el = ev.run(ast.args, ctx);
      if (el instanceof Promise) return el.then((_e) => arr.push(_e) && arr);
      arr.push(el);
      return arr;
    }
  },
  "?:": {
    alias: "ternary",
    check(chk, ast, ctx) {
      const condast = ast.condition = ast.args[0];
      const leftast = ast.left = ast.args[1];
      const rightast = ast.right = ast.args[2];
      const condType = chk.check(condast, ctx);
      if (!condType.isDynOrBool()) {
        throw chk.createError(
          "invalid_condition_type",
          `${condast.meta.label || "Ternary condition must be bool"}, got '${chk.formatType(condType)}'`,
          condast
        );
      }
      const leftType = chk.check(leftast, ctx);
      const rightType = chk.check(rightast, ctx);
      const unified = leftType.unify(chk.registry, rightType);
      ast.handle = maybeAsync(condast, false, handleTernary);
      if (unified) return unified;
      throw chk.createError(
        "incompatible_ternary_branches",
        `Ternary branches must have the same type, got '${chk.formatType(
          leftType
        )}' and '${chk.formatType(rightType)}'`,
        ast
      );
    },
    evaluate(ev, ast, ctx) {
      return ast.handle(ev.run(ast.condition, ctx), ev, ast, ctx);
    }
  },
  "||": {
    check: checkLogicalOp,
    evaluate(ev, ast, ctx) {
      const l = ev.tryEval(ast.left, ctx);
      if (l === true) return true;
      if (l === false) {
        const right = ev.run(ast.right, ctx);
        if (typeof right === "boolean") return right;
        return _logicalOp(true, ev, ast, l, right);
      }
      if (l instanceof Promise)
        return l.then(
          (_l) => _l === true ? _l : _logicalOp(true, ev, ast, _l, ev.run(ast.right, ctx))
        );
      return _logicalOp(true, ev, ast, l, ev.run(ast.right, ctx));
    }
  },
  "&&": {
    check: checkLogicalOp,
    evaluate(ev, ast, ctx) {
      const l = ev.tryEval(ast.left, ctx);
      if (l === false) return false;
      if (l === true) {
        const right = ev.run(ast.right, ctx);
        if (typeof right === "boolean") return right;
        return _logicalOp(false, ev, ast, l, right);
      }
      if (l instanceof Promise)
        return l.then(
          (_l) => _l === false ? _l : _logicalOp(false, ev, ast, _l, ev.run(ast.right, ctx))
        );
      return _logicalOp(false, ev, ast, l, ev.run(ast.right, ctx));
    }
  },
  "!_": { alias: "unaryNot", check: checkUnary, evaluate: evaluateUnary },
  "-_": { alias: "unaryMinus", check: checkUnary, evaluate: evaluateUnary }
};
var binaryOperators = ["!=", "==", "in", "+", "-", "*", "/", "%", "<", "<=", ">", ">="];
for (const op of binaryOperators) OPERATORS[op] = { check: checkBinary, evaluate: evaluateBinary };
for (const op of objKeys(OPERATORS)) {
  const obj = OPERATORS[op];
  obj.name = op;
  if (obj.alias) OPERATORS[obj.alias] = obj;
}

// node_modules/@marcbachmann/cel-js/lib/macros.js
var identity2 = (x) => x;
function assertIdentifier(node, message) {
  if (node.op === "id") return node.args;
  throw parseError("invalid_macro_argument", message, node);
}
function createMapExpander(hasFilter) {
  const functionDesc = hasFilter ? "map(var, filter, transform)" : "map(var, transform)";
  const invalidMsg = `${functionDesc} invalid predicate iteration variable`;
  const label = `${functionDesc} filter predicate must return bool`;
  return ({ args, receiver, ast: callAst }) => {
    const [iterVar, predicate, transform] = hasFilter ? args : [args[0], null, args[1]];
    let step = transform.clone(OPERATORS.accuPush, transform);
    if (predicate) {
      const accuValue = predicate.clone(OPERATORS.accuValue);
      step = predicate.clone(OPERATORS.ternary, [predicate.setMeta("label", label), step, accuValue]);
    }
    return {
      callAst: callAst.clone(OPERATORS.comprehension, {
        errorsAreFatal: true,
        iterable: receiver,
        iterVarName: assertIdentifier(iterVar, invalidMsg),
        init: callAst.clone(OPERATORS.list, []),
        step,
        result: identity2
      })
    };
  };
}
function createFilterExpander() {
  const functionDesc = "filter(var, predicate)";
  const invalidMsg = `${functionDesc} invalid predicate iteration variable`;
  const label = `${functionDesc} predicate must return bool`;
  return ({ args, receiver, ast: callAst }) => {
    const iterVarName = assertIdentifier(args[0], invalidMsg);
    const accuValue = callAst.clone(OPERATORS.accuValue);
    const predicate = args[1].setMeta("label", label);
    const appendItem = callAst.clone(OPERATORS.accuPush, callAst.clone(OPERATORS.id, iterVarName));
    const step = predicate.clone(OPERATORS.ternary, [predicate, appendItem, accuValue]);
    return {
      callAst: callAst.clone(OPERATORS.comprehension, {
        errorsAreFatal: true,
        iterable: receiver,
        iterVarName,
        init: callAst.clone(OPERATORS.list, []),
        step,
        result: identity2
      })
    };
  };
}
function createQuantifierExpander(opts) {
  const invalidMsg = `${opts.name}(var, predicate) invalid predicate iteration variable`;
  const label = `${opts.name}(var, predicate) predicate must return bool`;
  return ({ args, receiver, ast: callAst }) => {
    const predicate = args[1].setMeta("label", label);
    const transform = opts.transform({ args, ast: callAst, predicate, opts });
    return {
      callAst: callAst.clone(OPERATORS.comprehension, {
        kind: "quantifier",
        errorsAreFatal: opts.errorsAreFatal || false,
        iterable: receiver,
        iterVarName: assertIdentifier(args[0], invalidMsg),
        init: transform.init,
        condition: transform.condition,
        step: transform.step,
        result: transform.result || identity2
      })
    };
  };
}
function createHasExpander() {
  const invalidHasArgument = "has() invalid argument";
  function evaluate2(ev, macro, ctx) {
    const nodes = macro.macroHasProps;
    let i = nodes.length;
    let obj = ev.run(nodes[--i], ctx);
    let inOptionalContext;
    while (i--) {
      const node = nodes[i];
      if (node.op === ".?") inOptionalContext ??= true;
      obj = ev.debugType(obj).fieldLazy(obj, node.args[1], node, ev);
      if (obj !== void 0) continue;
      if (!(!inOptionalContext && i && node.op === ".")) break;
      throw evaluationError("no_such_key", `No such key: ${node.args[1]}`, node);
    }
    return obj !== void 0;
  }
  function typeCheck(checker, macro, ctx) {
    let node = macro.args[0];
    if (node.op !== ".") throw checker.createError("invalid_macro_argument", invalidHasArgument, node);
    if (!macro.macroHasProps) {
      const props = [];
      while (node.op === "." || node.op === ".?") node = props.push(node) && node.args[0];
      if (node.op !== "id") throw checker.createError("invalid_macro_argument", invalidHasArgument, node);
      checker.check(node, ctx);
      props.push(node);
      macro.macroHasProps = props;
    }
    return checker.getType("bool");
  }
  return function({ args }) {
    return { args, evaluate: evaluate2, typeCheck, async: false };
  };
}
function registerMacros(registry) {
  const functionOverload = (sig, handler) => registry.registerFunctionOverload(sig, handler);
  functionOverload("has(ast): bool", createHasExpander());
  functionOverload(
    "list.all(ast, ast): bool",
    createQuantifierExpander({
      name: "all",
      transform({ ast: callAst, predicate, opts }) {
        return {
          init: callAst.clone(OPERATORS.value, true),
          condition: identity2,
          step: predicate.clone(OPERATORS.ternary, [
            predicate,
            predicate.clone(OPERATORS.value, true),
            predicate.clone(OPERATORS.value, false)
          ])
        };
      }
    })
  );
  functionOverload(
    "list.exists(ast, ast): bool",
    createQuantifierExpander({
      name: "exists",
      condition(accu) {
        return !accu;
      },
      transform({ ast: callAst, predicate, opts }) {
        return {
          init: callAst.clone(OPERATORS.value, false),
          condition: opts.condition,
          step: predicate.clone(OPERATORS.ternary, [
            predicate,
            predicate.clone(OPERATORS.value, true),
            predicate.clone(OPERATORS.value, false)
          ])
        };
      }
    })
  );
  functionOverload(
    "list.exists_one(ast, ast): bool",
    createQuantifierExpander({
      name: "exists_one",
      errorsAreFatal: true,
      result(accu) {
        return accu === 1;
      },
      transform({ ast: callAst, predicate, opts }) {
        const accuValue = callAst.clone(OPERATORS.accuValue);
        return {
          init: callAst.clone(OPERATORS.value, 0),
          step: predicate.clone(OPERATORS.ternary, [predicate, callAst.clone(OPERATORS.accuInc), accuValue]),
          result: opts.result
        };
      }
    })
  );
  functionOverload("list.map(ast, ast): list<dyn>", createMapExpander(false));
  functionOverload("list.map(ast, ast, ast): list<dyn>", createMapExpander(true));
  functionOverload("list.filter(ast, ast): list<dyn>", createFilterExpander());
  class CelNamespace {
  }
  const celNamespace = new CelNamespace();
  registry.registerType("CelNamespace", CelNamespace);
  registry.registerConstant("cel", "CelNamespace", celNamespace);
  function bindTypeCheck(checker, m, ctx) {
    m.bindCtx = ctx.forkWithVariable(m.var, checker.check(m.val, ctx));
    const type = checker.check(m.exp, m.bindCtx);
    if (m.val.maybeAsync || m.exp.maybeAsync) return type;
    m.ast.setMeta("async", false);
    m.evaluate = bindEvaluateSync;
    return type;
  }
  function bindOptionalEvaluate(ev, exp, bindCtx, ctx, boundValue) {
    const res = ev.run(exp, ctx = bindCtx.reuse(ctx).setIterValue(boundValue, ev));
    if (res instanceof Promise && ctx === bindCtx) ctx.async = true;
    return res;
  }
  function bindEvaluate(ev, { val, exp, bindCtx }, ctx) {
    const v = ev.run(val, ctx);
    if (v instanceof Promise) return v.then((_v) => bindOptionalEvaluate(ev, exp, bindCtx, ctx, _v));
    return bindOptionalEvaluate(ev, exp, bindCtx, ctx, v);
  }
  function bindEvaluateSync(ev, { val, exp, bindCtx }, ctx) {
    return ev.run(exp, bindCtx.reuse(ctx).setIterValue(ev.run(val, ctx), ev));
  }
  functionOverload("CelNamespace.bind(ast, dyn, ast): dyn", ({ ast, args }) => {
    return {
      ast,
      var: assertIdentifier(args[0], "invalid variable argument"),
      val: args[1],
      exp: args[2],
      bindCtx: void 0,
      typeCheck: bindTypeCheck,
      evaluate: bindEvaluate
    };
  });
}

// node_modules/@marcbachmann/cel-js/lib/overloads.js
function registerOverloads(registry) {
  const unaryOverload = (op, t, h, ret) => registry.unaryOverload(op, t, h, ret, false);
  const binaryOverload = (l, op, r, h, ret) => registry.binaryOverload(l, op, r, h, ret, false);
  function verifyInteger(v, ast) {
    if (v <= MAX_INT && v >= MIN_INT) return v;
    throw evaluationError("numeric_overflow", `integer overflow: ${v}`, ast);
  }
  function throwDivisionByZero(ast) {
    throw evaluationError("division_by_zero", "division by zero", ast);
  }
  function throwModuloByZero(ast) {
    throw evaluationError("modulo_by_zero", "modulo by zero", ast);
  }
  unaryOverload("!", "bool", (a) => !a);
  unaryOverload("-", "int", (a) => -a);
  binaryOverload("dyn<int>", `==`, `double`, (a, b) => a == b);
  binaryOverload("dyn<int>", `==`, `uint`, (a, b) => a == b.valueOf());
  binaryOverload("int", "*", "int", (a, b, ast) => verifyInteger(a * b, ast));
  binaryOverload("int", "+", "int", (a, b, ast) => verifyInteger(a + b, ast));
  binaryOverload("int", "-", "int", (a, b, ast) => verifyInteger(a - b, ast));
  binaryOverload("int", "/", "int", (a, b, ast) => {
    if (b === MIN_UINT) return throwDivisionByZero(ast);
    return a / b;
  });
  binaryOverload("int", "%", "int", (a, b, ast) => {
    if (b === MIN_UINT) return throwModuloByZero(ast);
    return a % b;
  });
  unaryOverload("-", "double", (a) => -a);
  binaryOverload("double", "*", "double", (a, b) => a * b);
  binaryOverload("double", "+", "double", (a, b) => a + b);
  binaryOverload("double", "-", "double", (a, b) => a - b);
  binaryOverload("double", "/", "double", (a, b) => a / b);
  binaryOverload("string", "+", "string", (a, b) => a + b);
  binaryOverload("list<V>", "+", "list<V>", (a, b) => [...a, ...b]);
  binaryOverload("bytes", "+", "bytes", (a, b) => {
    if (!a.length) return b;
    if (!b.length) return a;
    const result = new Uint8Array(a.length + b.length);
    result.set(a, 0);
    result.set(b, a.length);
    return result;
  });
  const GPD = "google.protobuf.Duration";
  binaryOverload(GPD, "+", GPD, (a, b) => a.addDuration(b));
  binaryOverload(GPD, "-", GPD, (a, b) => a.subtractDuration(b));
  binaryOverload(GPD, "==", GPD, (a, b) => a.seconds === b.seconds && a.nanos === b.nanos);
  const GPT = "google.protobuf.Timestamp";
  binaryOverload(GPT, "==", GPT, (a, b) => a.getTime() === b.getTime());
  binaryOverload(GPT, "-", GPT, (a, b) => Duration.fromMilliseconds(a.getTime() - b.getTime()), GPD);
  binaryOverload(GPT, "-", GPD, (a, b) => b.subtractTimestamp(a));
  binaryOverload(GPT, "+", GPD, (a, b) => b.extendTimestamp(a));
  binaryOverload(GPD, "+", GPT, (a, b) => a.extendTimestamp(b));
  function listIncludes(value, list, ast, ev) {
    if (list instanceof Set && list.has(value)) return true;
    for (const v of list) if (isEqual(value, v, ast, ev)) return true;
    return false;
  }
  function mapIncludes(a, b) {
    if (b instanceof Map) return b.get(a) !== void 0;
    return hasOwn(b, a) ? b[a] !== void 0 : false;
  }
  function listMembership(value, list, ast, ev) {
    return listIncludes(value, list, ast, ev);
  }
  binaryOverload("V", "in", "list<V>", listMembership);
  binaryOverload("K", "in", "map<K, V>", mapIncludes);
  for (const t of ["type", "null", "bool", "string", "int", "double"]) {
    binaryOverload(t, "==", t, (a, b) => a === b);
  }
  binaryOverload("bytes", `==`, "bytes", (a, b) => {
    if (a === b) return true;
    let i = a.length;
    if (i !== b.length) return false;
    while (i--) if (a[i] !== b[i]) return false;
    return true;
  });
  binaryOverload("list<V>", `==`, "list<V>", (a, b, ast, ev) => {
    if (a === b) return true;
    if (isArray(a) && isArray(b)) {
      const length = a.length;
      if (length !== b.length) return false;
      for (let i = 0; i < length; i++) {
        if (!isEqual(a[i], b[i], ast, ev)) return false;
      }
      return true;
    }
    if (a instanceof Set && b instanceof Set) {
      if (a.size !== b.size) return false;
      for (const value of a) if (!b.has(value)) return false;
      return true;
    }
    const arr = a instanceof Set ? b : a;
    const set = a instanceof Set ? a : b;
    if (!isArray(arr)) return false;
    if (arr.length !== set?.size) return false;
    for (let i = 0; i < arr.length; i++) if (!set.has(arr[i])) return false;
    return true;
  });
  binaryOverload("map<K, V>", `==`, "map<K, V>", (a, b, ast, ev) => {
    if (a === b) return true;
    if (a instanceof Map && b instanceof Map) {
      if (a.size !== b.size) return false;
      for (const [key, value] of a)
        if (!(b.has(key) && isEqual(value, b.get(key), ast, ev))) return false;
      return true;
    }
    if (a instanceof Map || b instanceof Map) {
      const obj = a instanceof Map ? b : a;
      const map = a instanceof Map ? a : b;
      const keysObj = objKeys(obj);
      if (map.size !== keysObj.length) return false;
      for (const [key, value] of map) {
        if (!(key in obj && isEqual(value, obj[key], ast, ev))) return false;
      }
      return true;
    }
    const keysA = objKeys(a);
    const keysB = objKeys(b);
    if (keysA.length !== keysB.length) return false;
    for (let i = 0; i < keysA.length; i++) {
      const key = keysA[i];
      if (!(key in b && isEqual(a[key], b[key], ast, ev))) return false;
    }
    return true;
  });
  binaryOverload("uint", "==", "uint", (a, b) => a.valueOf() === b.valueOf());
  binaryOverload("dyn<uint>", `==`, `double`, (a, b) => a.valueOf() == b);
  binaryOverload("uint", "+", "uint", (a, b) => new UnsignedInt(a.valueOf() + b.valueOf()));
  binaryOverload("uint", "-", "uint", (a, b) => new UnsignedInt(a.valueOf() - b.valueOf()));
  binaryOverload("uint", "*", "uint", (a, b) => new UnsignedInt(a.valueOf() * b.valueOf()));
  binaryOverload("uint", "/", "uint", (a, b, ast) => {
    if (b.valueOf() === MIN_UINT) return throwDivisionByZero(ast);
    return new UnsignedInt(a.valueOf() / b.valueOf());
  });
  binaryOverload("uint", "%", "uint", (a, b, ast) => {
    if (b.valueOf() === MIN_UINT) return throwModuloByZero(ast);
    return new UnsignedInt(a.valueOf() % b.valueOf());
  });
  for (const [left, right] of [
    ["bool", "bool"],
    ["int", "int"],
    ["uint", "uint"],
    ["double", "double"],
    ["string", "string"],
    ["google.protobuf.Timestamp", "google.protobuf.Timestamp"],
    ["google.protobuf.Duration", "google.protobuf.Duration"],
    ["int", "uint"],
    ["int", "double"],
    ["double", "int"],
    ["double", "uint"],
    ["uint", "int"],
    ["uint", "double"]
  ]) {
    binaryOverload(left, "<", right, (a, b) => a < b);
    binaryOverload(left, "<=", right, (a, b) => a <= b);
    binaryOverload(left, ">", right, (a, b) => a > b);
    binaryOverload(left, ">=", right, (a, b) => a >= b);
  }
}
function isEqual(a, b, ast, ev) {
  if (a === b) return true;
  switch (typeof a) {
    case "undefined":
    case "string":
    case "boolean":
      return false;
    case "bigint":
      if (typeof b === "number") return a == b;
      return false;
    case "number":
      if (typeof b === "bigint") return a == b;
      return false;
    case "object":
      if (typeof b !== "object") return false;
      const leftType = ev.debugType(a);
      const rightType = ev.debugType(b);
      if (leftType !== rightType) return false;
      const overload = ev.registry.findBinaryOverload("==", leftType, rightType);
      if (!overload) return false;
      return overload.handler(a, b, ast, ev);
  }
  throw evaluationError("invalid_comparison_type", `Cannot compare values of type ${typeof a}`, ast);
}

// node_modules/@marcbachmann/cel-js/lib/type-checker.js
var toDynTypeBinding = (/* @__PURE__ */ new Map()).set("A", "dyn").set("T", "dyn").set("K", "dyn").set("V", "dyn");
var TypeChecker = class extends Base {
  constructor(opts, isEvaluating) {
    super(opts);
    this.createError = isEvaluating ? evaluationError : typeError;
  }
  /**
   * Check an expression and return its inferred type
   * @param {Array|any} ast - The AST node to check
   * @returns {Object} The inferred type declaration
   * @throws {TypeError} If type checking fails
   */
  check(ast, ctx) {
    try {
      return ast.checkedType ??= ast.check(this, ast, ctx);
    } catch (error) {
      throw attachErrorAst(error, ast);
    }
  }
  checkAccessOnType(ast, ctx, leftType, allowMissingField = false) {
    if (leftType === this.dynType) return leftType;
    const indexTypeName = (ast.op === "[]" || ast.op === "[?]" ? this.check(ast.args[1], ctx) : this.stringType).type;
    if (leftType.kind === "list") {
      if (indexTypeName === "int" || indexTypeName === "dyn") return leftType.valueType;
      throw this.createError("invalid_index_type", `List index must be int, got '${indexTypeName}'`, ast);
    }
    if (leftType.kind === "map") return leftType.valueType;
    const customType = this.objectTypes.get(leftType.name);
    if (customType) {
      if (!(indexTypeName === "string" || indexTypeName === "dyn")) {
        throw this.createError(
          "invalid_index_type",
          `Cannot index type '${leftType.name}' with type '${indexTypeName}'`,
          ast
        );
      }
      if (customType.fields) {
        let keyName;
        if (ast.op === "." || ast.op === ".?") keyName = ast.args[1];
        else if (ast.args[1].op === "value") keyName = ast.args[1].args;
        if (typeof keyName === "string") {
          const fieldType = customType.fields[keyName];
          if (fieldType) return fieldType;
          if (allowMissingField) return this.dynType;
          throw this.createError("no_such_key", `No such key: ${keyName}`, ast);
        }
      }
      return this.dynType;
    }
    throw this.createError("cannot_index_type", `Cannot index type '${this.formatType(leftType)}'`, ast);
  }
  formatType(type) {
    if (!type.hasPlaceholderType) return type.name;
    return type.templated(this.registry, toDynTypeBinding).name;
  }
  formatTypeList(types) {
    return types.map((t) => this.formatType(t)).join(", ");
  }
};

// node_modules/@marcbachmann/cel-js/lib/parser.js
var TOKEN = {
  EOF: 0,
  NUMBER: 1,
  STRING: 2,
  BOOLEAN: 3,
  NULL: 4,
  IDENTIFIER: 5,
  PLUS: 6,
  MINUS: 7,
  MULTIPLY: 8,
  DIVIDE: 9,
  MODULO: 10,
  EQ: 11,
  NE: 12,
  LT: 13,
  LE: 14,
  GT: 15,
  GE: 16,
  AND: 17,
  OR: 18,
  NOT: 19,
  IN: 20,
  LPAREN: 21,
  RPAREN: 22,
  LBRACKET: 23,
  RBRACKET: 24,
  LBRACE: 25,
  RBRACE: 26,
  DOT: 27,
  COMMA: 28,
  COLON: 29,
  QUESTION: 30,
  BYTES: 31
};
var OP_FOR_TOKEN = {
  [TOKEN.EQ]: OPERATORS["=="],
  [TOKEN.PLUS]: OPERATORS["+"],
  [TOKEN.MINUS]: OPERATORS["-"],
  [TOKEN.MULTIPLY]: OPERATORS["*"],
  [TOKEN.DIVIDE]: OPERATORS["/"],
  [TOKEN.MODULO]: OPERATORS["%"],
  [TOKEN.LE]: OPERATORS["<="],
  [TOKEN.LT]: OPERATORS["<"],
  [TOKEN.GE]: OPERATORS[">="],
  [TOKEN.GT]: OPERATORS[">"],
  [TOKEN.NE]: OPERATORS["!="],
  [TOKEN.IN]: OPERATORS["in"]
};
var TOKEN_BY_NUMBER = {};
for (const key in TOKEN) TOKEN_BY_NUMBER[TOKEN[key]] = key;
var HEX_CODES = new Uint8Array(128);
for (const ch of "0123456789abcdefABCDEF") HEX_CODES[ch.charCodeAt(0)] = 1;
var ESCAPE_ERRORS = {
  bytes_unicode_escape: (e) => `\\${e} not allowed in bytes literals`,
  invalid_unicode_escape: (e) => `Invalid Unicode escape: \\${e}`,
  invalid_unicode_surrogate: (e) => `Invalid Unicode surrogate: \\${e}`,
  invalid_hex_escape: (e) => `Invalid hex escape: \\${e}`,
  invalid_octal_escape: () => "Octal escape must be 3 digits",
  octal_escape_out_of_range: (e) => `Octal escape out of range: \\${e}`,
  invalid_escape_sequence: (e) => `Invalid escape sequence: \\${e}`
};
var STRING_ESCAPES = {
  "\\": "\\",
  "?": "?",
  '"': '"',
  "'": "'",
  "`": "`",
  a: "\x07",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "	",
  v: "\v"
};
var ASTNode = class _ASTNode {
  #meta;
  #input;
  constructor(input, pos, start, end, op, args) {
    this.#meta = { check: op.check, evaluate: op.evaluate };
    this.#input = input;
    this.op = op.name;
    this.args = args;
    this.pos = pos;
    this.start = start;
    this.end = end;
  }
  clone(op, args) {
    return new _ASTNode(this.#input, this.pos, this.start, this.end, op, args);
  }
  get meta() {
    return this.#meta;
  }
  get input() {
    return this.#input;
  }
  #computeIsAsync() {
    const ast = this.#meta.alternate ?? this;
    switch (ast.op) {
      case "value":
      case "id":
      case "accuValue":
      case "accuInc":
        return false;
      case "accuPush":
        return ast.args.maybeAsync;
      case "!_":
      case "-_":
        if (ast.candidates?.async !== false) return true;
        return ast.args.maybeAsync;
      case "!=":
      case "==":
      case "in":
      case "+":
      case "-":
      case "*":
      case "/":
      case "%":
      case "<":
      case "<=":
      case ">":
      case ">=":
        if (ast.candidates?.async !== false) return true;
        return ast.args.some((a) => a.maybeAsync);
      case "call":
      case "rcall":
        if (ast.candidates?.async !== false) return true;
        return (ast.receiverWithArgs || ast.args[1]).some((a) => a.maybeAsync);
      case "comprehension":
        return ast.args.iterable.maybeAsync || ast.args.step.maybeAsync;
      case ".":
      case ".?":
        return ast.args[0].maybeAsync;
      case "?:":
      case "list":
      case "[]":
      case "[?]":
        return ast.args.some((a) => a.maybeAsync);
      case "||":
      case "&&":
        return ast.args.some((a) => a.maybeAsync);
      case "map":
        return ast.args.some((a) => a[0].maybeAsync || a[1].maybeAsync);
      default:
        return true;
    }
  }
  /**
   * Check whether we can optimize away async calling
   * If no ast members includes a function, we can optimize the call
   * for which we want to return true here.
   * @returns {boolean}
   */
  get maybeAsync() {
    return this.#meta.async ??= this.#computeIsAsync();
  }
  check(chk, ast, ctx) {
    const meta = this.#meta;
    if (meta.alternate) return chk.check(meta.alternate, ctx);
    else if (meta.macro) return meta.macro.typeCheck(chk, meta.macro, ctx);
    return meta.check(chk, ast, ctx);
  }
  evaluate(ev, ast, ctx) {
    const meta = this.#meta;
    if (meta.alternate) this.evaluate = this.#evaluateAlternate;
    else if (meta.macro) this.evaluate = this.#evaluateMacro;
    else this.evaluate = meta.evaluate;
    return this.evaluate(ev, ast, ctx);
  }
  #evaluateAlternate(ev, ast, ctx) {
    return (ast = this.#meta.alternate).evaluate(ev, ast, ctx);
  }
  #evaluateMacro(ev, ast, ctx) {
    return (ast = this.#meta.macro).evaluate(ev, ast, ctx);
  }
  setMeta(key, value) {
    return this.#meta[key] = value, this;
  }
  get range() {
    return { start: this.start, end: this.end };
  }
  toOldStructure() {
    const args = Array.isArray(this.args) ? this.args : [this.args];
    return [this.op, ...args.map((a) => a instanceof _ASTNode ? a.toOldStructure() : a)];
  }
};
var Lexer = class {
  input;
  pos;
  length;
  tokenPos;
  tokenType;
  tokenValue;
  reset(input) {
    this.pos = 0;
    this.input = input;
    this.length = input.length;
    return input;
  }
  token(pos, type, value) {
    this.tokenPos = pos;
    this.tokenType = type;
    this.tokenValue = value;
    return this;
  }
  // Read next token
  nextToken() {
    while (true) {
      const { pos, input, length } = this;
      if (pos >= length) return this.token(pos, TOKEN.EOF);
      const ch = input[pos];
      switch (ch) {
        // Whitespaces
        case " ":
        case "	":
        case "\n":
        case "\r":
          this.pos++;
          continue;
        // Operators
        case "=":
          if (input[pos + 1] !== "=") break;
          return this.token((this.pos += 2) - 2, TOKEN.EQ);
        case "&":
          if (input[pos + 1] !== "&") break;
          return this.token((this.pos += 2) - 2, TOKEN.AND);
        case "|":
          if (input[pos + 1] !== "|") break;
          return this.token((this.pos += 2) - 2, TOKEN.OR);
        case "+":
          return this.token(this.pos++, TOKEN.PLUS);
        case "-":
          return this.token(this.pos++, TOKEN.MINUS);
        case "*":
          return this.token(this.pos++, TOKEN.MULTIPLY);
        case "/":
          if (input[pos + 1] === "/") {
            while (this.pos < length && this.input[this.pos] !== "\n") this.pos++;
            continue;
          }
          return this.token(this.pos++, TOKEN.DIVIDE);
        case "%":
          return this.token(this.pos++, TOKEN.MODULO);
        case "<":
          if (input[pos + 1] === "=") return this.token((this.pos += 2) - 2, TOKEN.LE);
          return this.token(this.pos++, TOKEN.LT);
        case ">":
          if (input[pos + 1] === "=") return this.token((this.pos += 2) - 2, TOKEN.GE);
          return this.token(this.pos++, TOKEN.GT);
        case "!":
          if (input[pos + 1] === "=") return this.token((this.pos += 2) - 2, TOKEN.NE);
          return this.token(this.pos++, TOKEN.NOT);
        case "(":
          return this.token(this.pos++, TOKEN.LPAREN);
        case ")":
          return this.token(this.pos++, TOKEN.RPAREN);
        case "[":
          return this.token(this.pos++, TOKEN.LBRACKET);
        case "]":
          return this.token(this.pos++, TOKEN.RBRACKET);
        case "{":
          return this.token(this.pos++, TOKEN.LBRACE);
        case "}":
          return this.token(this.pos++, TOKEN.RBRACE);
        case ".":
          return this.token(this.pos++, TOKEN.DOT);
        case ",":
          return this.token(this.pos++, TOKEN.COMMA);
        case ":":
          return this.token(this.pos++, TOKEN.COLON);
        case "?":
          return this.token(this.pos++, TOKEN.QUESTION);
        case `"`:
        case `'`:
          return this.readString(ch);
        // Check for string prefixes (b, B, r, R followed by quote)
        case "b":
        case "B":
        case "r":
        case "R": {
          const next = input[pos + 1];
          if (next === '"' || next === "'") return ++this.pos && this.readString(next, ch);
          return this.readIdentifier();
        }
        default: {
          const code = ch.charCodeAt(0);
          if (code <= 57 && code >= 48) return this.readNumber();
          if (this._isIdentifierCharCode(code)) return this.readIdentifier();
        }
      }
      throw parseError("unexpected_character", `Unexpected character: ${ch}`, {
        pos,
        start: pos,
        end: pos + 1,
        input
      });
    }
  }
  // Characters: 0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_
  _isIdentifierCharCode(c) {
    if (c < 48 || c > 122) return false;
    return c >= 97 || c >= 65 && c <= 90 || c <= 57 || c === 95;
  }
  _parseAsDouble(start, end) {
    const value = Number(this.input.substring(start, end));
    if (Number.isFinite(value)) return this.token(start, TOKEN.NUMBER, value);
    throw parseError("invalid_number", `Invalid number: ${value}`, {
      pos: start,
      start,
      end,
      input: this.input
    });
  }
  _parseAsBigInt(start, end, isHex, unsigned) {
    const string = this.input.substring(start, end);
    if (unsigned === "u" || unsigned === "U") {
      this.pos++;
      try {
        return this.token(start, TOKEN.NUMBER, new UnsignedInt(string));
      } catch (_err) {
      }
    } else {
      try {
        return this.token(start, TOKEN.NUMBER, BigInt(string));
      } catch (_err) {
      }
    }
    throw parseError(
      isHex ? "invalid_hex_integer" : "invalid_integer",
      isHex ? `Invalid hex integer: ${string}` : `Invalid integer: ${string}`,
      { pos: start, start, end: this.pos, input: this.input }
    );
  }
  _readDigits(input, length, pos, code) {
    while (pos < length && (code = input.charCodeAt(pos)) && !(code > 57 || code < 48)) pos++;
    return pos;
  }
  _readExponent(input, length, pos) {
    let ch = pos < length && input[pos];
    if (ch === "e" || ch === "E") {
      ch = ++pos < length && input[pos];
      if (ch === "-" || ch === "+") pos++;
      const start = pos;
      pos = this._readDigits(input, length, pos);
      if (start === pos)
        throw parseError("invalid_exponent", "Invalid exponent", {
          pos,
          start: pos,
          end: Math.min(pos + 1, input.length),
          input
        });
    }
    return pos;
  }
  readNumber() {
    const { input, length, pos: start } = this;
    let pos = start;
    if (input[pos] === "0" && (input[pos + 1] === "x" || input[pos + 1] === "X")) {
      pos += 2;
      while (pos < length && HEX_CODES[input[pos].charCodeAt(0)]) pos++;
      return this._parseAsBigInt(start, this.pos = pos, true, input[pos]);
    }
    pos = this._readDigits(input, length, pos);
    if (pos + 1 < length) {
      let isDouble = false;
      let afterpos = input[pos] === "." ? this._readDigits(input, length, pos + 1) : pos + 1;
      if (afterpos !== pos + 1) (isDouble = true) && (pos = afterpos);
      afterpos = this._readExponent(input, length, pos);
      if (afterpos !== pos) (isDouble = true) && (pos = afterpos);
      if (isDouble) return this._parseAsDouble(start, this.pos = pos);
    }
    return this._parseAsBigInt(start, this.pos = pos, false, input[pos]);
  }
  readString(del, prefix) {
    const { input: i, pos: s } = this;
    if (i[s + 1] === del && i[s + 2] === del) return this.readTripleQuotedString(del, prefix);
    return this.readSingleQuotedString(del, prefix);
  }
  _closeQuotedString(rawStart, rawValue, prefix, pos) {
    switch (prefix) {
      case "b":
      case "B": {
        const processed = this.processEscapes(rawStart, rawValue, true);
        const bytes = new Uint8Array(processed.length);
        for (let i = 0; i < processed.length; i++) bytes[i] = processed.charCodeAt(i) & 255;
        return this.token(pos - 1, TOKEN.BYTES, bytes);
      }
      case "r":
      case "R": {
        return this.token(pos - 1, TOKEN.STRING, rawValue);
      }
      default: {
        const value = this.processEscapes(rawStart, rawValue, false);
        return this.token(pos, TOKEN.STRING, value);
      }
    }
  }
  readSingleQuotedString(delimiter, prefix) {
    const { input, length, pos: start } = this;
    let ch;
    let pos = this.pos + 1;
    while (pos < length && (ch = input[pos])) {
      switch (ch) {
        case delimiter:
          const rawStart = start + 1;
          const rawValue = input.slice(rawStart, pos);
          this.pos = ++pos;
          return this._closeQuotedString(rawStart, rawValue, prefix, start);
        case "\n":
        case "\r":
          throw parseError("newline_in_string", "Newlines not allowed in single-quoted strings", {
            pos,
            start: pos,
            end: pos + 1,
            input
          });
        case "\\":
          pos++;
      }
      pos++;
    }
    throw parseError("unterminated_string", "Unterminated string", {
      pos: start,
      start,
      end: input.length,
      input
    });
  }
  readTripleQuotedString(delimiter, prefix) {
    const { input, length, pos: start } = this;
    let ch;
    let pos = this.pos + 3;
    while (pos < length && (ch = input[pos])) {
      switch (ch) {
        case delimiter:
          if (input[pos + 1] === delimiter && input[pos + 2] === delimiter) {
            const rawStart = start + 3;
            const rawValue = input.slice(rawStart, pos);
            this.pos = pos + 3;
            return this._closeQuotedString(rawStart, rawValue, prefix, start);
          }
          break;
        case "\\":
          pos++;
      }
      pos++;
    }
    throw parseError("unterminated_triple_quoted_string", "Unterminated triple-quoted string", {
      pos: start,
      start,
      end: input.length,
      input
    });
  }
  #escapeErr(code, offset, len, i, chars, extra) {
    const start = offset + i;
    return parseError(code, ESCAPE_ERRORS[code](extra), {
      input: this.input,
      pos: start,
      start,
      end: Math.min(start + chars, offset + len)
    });
  }
  processEscapes(offset, str2, isBytes) {
    if (!str2.includes("\\")) return str2;
    const len = str2.length;
    let result = "";
    let i = 0;
    while (i < len) {
      if (str2[i] !== "\\" || i + 1 >= len) {
        result += str2[i++];
        continue;
      }
      const next = str2[i + 1];
      if (STRING_ESCAPES[next]) {
        result += STRING_ESCAPES[next];
        i += 2;
      } else if (next === "u" || next === "U") {
        if (isBytes) throw this.#escapeErr("bytes_unicode_escape", offset, len, i, 2, next);
        const hexLen = next === "u" ? 4 : 8;
        const hex2 = str2.substring(i + 2, i + 2 + hexLen);
        const c = Number.parseInt(hex2, 16);
        if (hex2.length !== hexLen || !/^[0-9a-fA-F]+$/.test(hex2) || c > 1114111)
          throw this.#escapeErr("invalid_unicode_escape", offset, len, i, 2 + hexLen, next + hex2);
        if (c >= 55296 && c <= 57343)
          throw this.#escapeErr("invalid_unicode_surrogate", offset, len, i, 2 + hexLen, next + hex2);
        result += String.fromCodePoint(c);
        i += 2 + hexLen;
      } else if (next === "x" || next === "X") {
        const h = str2.substring(i + 2, i + 4);
        if (!/^[0-9a-fA-F]{2}$/.test(h))
          throw this.#escapeErr("invalid_hex_escape", offset, len, i, 4, next + h);
        result += String.fromCharCode(Number.parseInt(h, 16));
        i += 4;
      } else if (next >= "0" && next <= "7") {
        const o = str2.substring(i + 1, i + 4);
        if (!/^[0-7]{3}$/.test(o)) throw this.#escapeErr("invalid_octal_escape", offset, len, i, 4);
        const value = Number.parseInt(o, 8);
        if (value > 255) throw this.#escapeErr("octal_escape_out_of_range", offset, len, i, 4, o);
        result += String.fromCharCode(value);
        i += 4;
      } else {
        throw this.#escapeErr("invalid_escape_sequence", offset, len, i, 2, next);
      }
    }
    return result;
  }
  readIdentifier() {
    const { pos, input, length } = this;
    let p = pos;
    while (p < length && this._isIdentifierCharCode(input[p].charCodeAt(0))) p++;
    const value = input.substring(pos, this.pos = p);
    switch (value) {
      case "true":
        return this.token(pos, TOKEN.BOOLEAN, true);
      case "false":
        return this.token(pos, TOKEN.BOOLEAN, false);
      case "null":
        return this.token(pos, TOKEN.NULL, null);
      case "in":
        return this.token(pos, TOKEN.IN);
      default:
        return this.token(pos, TOKEN.IDENTIFIER, value);
    }
  }
};
var globalLexer = new Lexer();
var Parser = class {
  lexer = globalLexer;
  input = null;
  maxDepthRemaining = null;
  astNodesRemaining = null;
  type = null;
  pos = null;
  constructor(limits, registry) {
    this.limits = limits;
    this.registry = registry;
  }
  #limitExceeded(limitKey, pos = this.pos) {
    throw parseError("limit_exceeded", `Exceeded ${limitKey} (${this.limits[limitKey]})`, {
      pos,
      start: pos,
      end: pos,
      input: this.input
    });
  }
  #node(start, end, op, args, pos = start) {
    const node = new ASTNode(this.input, pos, start, end, op, args);
    if (!this.astNodesRemaining--) this.#limitExceeded("maxAstNodes", pos);
    return node;
  }
  #infixNode(op, left, right) {
    return this.#node(left.start, right.end, op, [left, right]);
  }
  #ternaryNode(expression, consequent, alternate) {
    return this.#node(expression.start, alternate.end, OPERATORS.ternary, [
      expression,
      consequent,
      alternate
    ]);
  }
  #unaryNode(pos, op, arg) {
    return this.#node(pos, arg.end, op, arg);
  }
  #accessNode(op, left, right, end, pos = left.start) {
    return this.#node(left.start, end, op, [left, right], pos);
  }
  #advanceToken(returnValue = this.pos) {
    const l = this.lexer.nextToken();
    this.pos = l.tokenPos;
    this.type = l.tokenType;
    return returnValue;
  }
  // The value of the current token is accessed less regularly,
  // so we use a getter to reduce assignment overhead
  get value() {
    return this.lexer.tokenValue;
  }
  consume(expectedType) {
    if (this.type === expectedType) return this.#advanceToken();
    throw parseError(
      "expected_token",
      `Expected ${TOKEN_BY_NUMBER[expectedType]}, got ${TOKEN_BY_NUMBER[this.type]}`,
      { pos: this.pos, start: this.pos, end: this.lexer.pos, input: this.input }
    );
  }
  match(type) {
    return this.type === type;
  }
  // Parse entry point
  parse(input) {
    if (typeof input !== "string") {
      throw parseError("expression_must_be_string", "Expression must be a string");
    }
    this.input = this.lexer.reset(input);
    this.#advanceToken();
    this.maxDepthRemaining = this.limits.maxDepth;
    this.astNodesRemaining = this.limits.maxAstNodes;
    const result = this.parseExpression();
    if (this.match(TOKEN.EOF)) return result;
    throw parseError(
      "unexpected_character",
      `Unexpected character: '${this.input[this.lexer.pos - 1]}'`,
      {
        pos: this.pos,
        start: this.pos,
        end: this.lexer.pos,
        input: this.input
      }
    );
  }
  #expandMacro(start, end, op, args) {
    const methodName = args[0];
    const receiver = op === OPERATORS.rcall ? args[1] : null;
    const fnArgs = op === OPERATORS.rcall ? args[2] : args[1];
    const decl = this.registry.findMacro(methodName, !!receiver, fnArgs.length);
    const ast = this.#node(start, end, op, args);
    if (!decl) return ast;
    const macro = decl.handler({ ast, args: fnArgs, receiver, methodName, parser: this });
    if (macro.callAst) return ast.setMeta("alternate", macro.callAst);
    return ast.setMeta("macro", macro).setMeta("async", isAsync(macro.evaluate, macro.async));
  }
  // Expression ::= LogicalOr ('?' Expression ':' Expression)?
  parseExpression() {
    if (!this.maxDepthRemaining--) this.#limitExceeded("maxDepth");
    const expr = this.parseLogicalOr();
    if (!this.match(TOKEN.QUESTION)) return ++this.maxDepthRemaining && expr;
    this.#advanceToken();
    const consequent = this.parseExpression();
    this.consume(TOKEN.COLON);
    const alternate = this.parseExpression();
    this.maxDepthRemaining++;
    return this.#ternaryNode(expr, consequent, alternate);
  }
  // LogicalOr ::= LogicalAnd ('||' LogicalAnd)*
  parseLogicalOr() {
    let expr = this.parseLogicalAnd();
    while (this.match(TOKEN.OR)) {
      this.#advanceToken();
      expr = this.#infixNode(OPERATORS["||"], expr, this.parseLogicalAnd());
    }
    return expr;
  }
  // LogicalAnd ::= Equality ('&&' Equality)*
  parseLogicalAnd() {
    let expr = this.parseEquality();
    while (this.match(TOKEN.AND)) {
      this.#advanceToken();
      expr = this.#infixNode(OPERATORS["&&"], expr, this.parseEquality());
    }
    return expr;
  }
  // Equality ::= Relational (('==' | '!=') Relational)*
  parseEquality() {
    let expr = this.parseRelational();
    while (this.match(TOKEN.EQ) || this.match(TOKEN.NE)) {
      const op = OP_FOR_TOKEN[this.type];
      this.#advanceToken();
      expr = this.#infixNode(op, expr, this.parseRelational());
    }
    return expr;
  }
  // Relational ::= Additive (('<' | '<=' | '>' | '>=' | 'in') Additive)*
  parseRelational() {
    let expr = this.parseAdditive();
    while (this.match(TOKEN.LT) || this.match(TOKEN.LE) || this.match(TOKEN.GT) || this.match(TOKEN.GE) || this.match(TOKEN.IN)) {
      const op = OP_FOR_TOKEN[this.type];
      this.#advanceToken();
      expr = this.#infixNode(op, expr, this.parseAdditive());
    }
    return expr;
  }
  // Additive ::= Multiplicative (('+' | '-') Multiplicative)*
  parseAdditive() {
    let expr = this.parseMultiplicative();
    while (this.match(TOKEN.PLUS) || this.match(TOKEN.MINUS)) {
      const op = OP_FOR_TOKEN[this.type];
      this.#advanceToken();
      expr = this.#infixNode(op, expr, this.parseMultiplicative());
    }
    return expr;
  }
  // Multiplicative ::= Unary (('*' | '/' | '%') Unary)*
  parseMultiplicative() {
    let expr = this.parseUnary();
    while (this.match(TOKEN.MULTIPLY) || this.match(TOKEN.DIVIDE) || this.match(TOKEN.MODULO)) {
      const op = OP_FOR_TOKEN[this.type];
      this.#advanceToken();
      expr = this.#infixNode(op, expr, this.parseUnary());
    }
    return expr;
  }
  // Unary ::= ('!' | '-')* Postfix
  parseUnary() {
    if (this.type === TOKEN.NOT) {
      return this.#unaryNode(this.#advanceToken(), OPERATORS.unaryNot, this.parseUnary());
    }
    if (this.type === TOKEN.MINUS) {
      return this.#unaryNode(this.#advanceToken(), OPERATORS.unaryMinus, this.parseUnary());
    }
    return this.parsePostfix();
  }
  // Postfix ::= Primary (('.' IDENTIFIER ('(' ArgumentList ')')? | '[' Expression ']'))*
  parsePostfix() {
    let expr = this.parsePrimary();
    const depth = this.maxDepthRemaining;
    while (true) {
      if (this.match(TOKEN.DOT)) {
        const dot = this.#advanceToken();
        if (!this.maxDepthRemaining--) this.#limitExceeded("maxDepth", dot);
        const op = this.match(TOKEN.QUESTION) && this.registry.enableOptionalTypes && this.#advanceToken() ? OPERATORS.optionalFieldAccess : OPERATORS.fieldAccess;
        const propertyValue = this.value;
        const start = this.pos;
        const end = this.lexer.pos;
        this.consume(TOKEN.IDENTIFIER);
        if (op === OPERATORS.fieldAccess && this.match(TOKEN.LPAREN) && this.#advanceToken()) {
          const args = this.parseArgumentList();
          const closeEnd = this.lexer.pos;
          this.consume(TOKEN.RPAREN);
          expr = this.#expandMacro(expr.start, closeEnd, OPERATORS.rcall, [propertyValue, expr, args]);
        } else {
          expr = this.#accessNode(op, expr, propertyValue, end, start);
        }
        continue;
      }
      if (this.match(TOKEN.LBRACKET)) {
        const bracket = this.#advanceToken();
        if (!this.maxDepthRemaining--) this.#limitExceeded("maxDepth", bracket);
        const op = this.match(TOKEN.QUESTION) && this.registry.enableOptionalTypes && this.#advanceToken() ? OPERATORS.optionalBracketAccess : OPERATORS.bracketAccess;
        const index = this.parseExpression();
        const closeEnd = this.lexer.pos;
        this.consume(TOKEN.RBRACKET);
        expr = this.#accessNode(op, expr, index, closeEnd);
        continue;
      }
      break;
    }
    this.maxDepthRemaining = depth;
    return expr;
  }
  // Primary ::= NUMBER | STRING | BOOLEAN | NULL | IDENTIFIER | '(' Expression ')' | Array | Object
  parsePrimary() {
    switch (this.type) {
      case TOKEN.NUMBER:
      case TOKEN.STRING:
      case TOKEN.BYTES:
      case TOKEN.BOOLEAN:
      case TOKEN.NULL:
        return this.#consumeLiteral();
      case TOKEN.IDENTIFIER:
        return this.#parseIdentifierPrimary();
      case TOKEN.LPAREN:
        return this.#parseParenthesizedExpression();
      case TOKEN.LBRACKET:
        return this.parseList();
      case TOKEN.LBRACE:
        return this.parseMap();
    }
    throw parseError("unexpected_token", `Unexpected token: ${TOKEN_BY_NUMBER[this.type]}`, {
      pos: this.pos,
      start: this.pos,
      end: this.lexer.pos,
      input: this.input
    });
  }
  #consumeLiteral() {
    return this.#advanceToken(this.#node(this.pos, this.lexer.pos, OPERATORS.value, this.value));
  }
  #parseIdentifierPrimary() {
    const value = this.value;
    const end = this.lexer.pos;
    const start = this.consume(TOKEN.IDENTIFIER);
    if (RESERVED.has(value)) {
      throw parseError("reserved_identifier", `Reserved identifier: ${value}`, {
        pos: start,
        start,
        end,
        input: this.input
      });
    }
    if (!this.match(TOKEN.LPAREN)) return this.#node(start, end, OPERATORS.id, value);
    this.#advanceToken();
    const args = this.parseArgumentList();
    const closeEnd = this.lexer.pos;
    this.consume(TOKEN.RPAREN);
    return this.#expandMacro(start, closeEnd, OPERATORS.call, [value, args]);
  }
  #parseParenthesizedExpression() {
    this.consume(TOKEN.LPAREN);
    const expr = this.parseExpression();
    this.consume(TOKEN.RPAREN);
    return expr;
  }
  parseList() {
    const start = this.consume(TOKEN.LBRACKET);
    const elements = [];
    let remainingElements = this.limits.maxListElements;
    if (!this.match(TOKEN.RBRACKET)) {
      elements.push(this.parseExpression());
      if (!remainingElements--) this.#limitExceeded("maxListElements", elements.at(-1).pos);
      while (this.match(TOKEN.COMMA)) {
        this.#advanceToken();
        if (this.match(TOKEN.RBRACKET)) break;
        elements.push(this.parseExpression());
        if (!remainingElements--) this.#limitExceeded("maxListElements", elements.at(-1).pos);
      }
    }
    const closeEnd = this.lexer.pos;
    this.consume(TOKEN.RBRACKET);
    return this.#node(start, closeEnd, OPERATORS.list, elements);
  }
  parseMap() {
    const start = this.consume(TOKEN.LBRACE);
    const props = [];
    let remainingEntries = this.limits.maxMapEntries;
    if (!this.match(TOKEN.RBRACE)) {
      props.push(this.parseProperty());
      if (!remainingEntries--) this.#limitExceeded("maxMapEntries", props.at(-1)[0].pos);
      while (this.match(TOKEN.COMMA)) {
        this.#advanceToken();
        if (this.match(TOKEN.RBRACE)) break;
        props.push(this.parseProperty());
        if (!remainingEntries--) this.#limitExceeded("maxMapEntries", props.at(-1)[0].pos);
      }
    }
    const closeEnd = this.lexer.pos;
    this.consume(TOKEN.RBRACE);
    return this.#node(start, closeEnd, OPERATORS.map, props);
  }
  parseProperty() {
    return [this.parseExpression(), (this.consume(TOKEN.COLON), this.parseExpression())];
  }
  parseArgumentList() {
    const args = [];
    let remainingArgs = this.limits.maxCallArguments;
    if (!this.match(TOKEN.RPAREN)) {
      args.push(this.parseExpression());
      if (!remainingArgs--) this.#limitExceeded("maxCallArguments", args.at(-1).pos);
      while (this.match(TOKEN.COMMA)) {
        this.#advanceToken();
        if (this.match(TOKEN.RPAREN)) break;
        args.push(this.parseExpression());
        if (!remainingArgs--) this.#limitExceeded("maxCallArguments", args.at(-1).pos);
      }
    }
    return args;
  }
};

// node_modules/@marcbachmann/cel-js/lib/options.js
var DEFAULT_LIMITS2 = objFreeze({
  maxAstNodes: 1e5,
  maxDepth: 250,
  maxListElements: 1e3,
  maxMapEntries: 1e3,
  maxCallArguments: 32
});
var LIMIT_KEYS = new Set(objKeys(DEFAULT_LIMITS2));
function createLimits(overrides, base2 = DEFAULT_LIMITS2) {
  const keys = overrides ? objKeys(overrides) : void 0;
  if (!keys?.length) return base2;
  const merged = { ...base2 };
  for (const key of keys) {
    if (!LIMIT_KEYS.has(key)) throw new TypeError(`Unknown limits option: ${key}`);
    const value = overrides[key];
    if (typeof value !== "number") continue;
    merged[key] = value;
  }
  return objFreeze(merged);
}
var DEFAULT_OPTIONS = objFreeze({
  unlistedVariablesAreDyn: false,
  homogeneousAggregateLiterals: true,
  enableOptionalTypes: false,
  limits: DEFAULT_LIMITS2
});
function bool(a, b, key) {
  const value = a?.[key] ?? b?.[key];
  if (typeof value !== "boolean") throw new TypeError(`Invalid option: ${key}`);
  return value;
}
function createOptions(opts, base2 = DEFAULT_OPTIONS) {
  if (!opts) return base2;
  return objFreeze({
    unlistedVariablesAreDyn: bool(opts, base2, "unlistedVariablesAreDyn"),
    homogeneousAggregateLiterals: bool(opts, base2, "homogeneousAggregateLiterals"),
    enableOptionalTypes: bool(opts, base2, "enableOptionalTypes"),
    limits: createLimits(opts.limits, base2.limits)
  });
}

// node_modules/@marcbachmann/cel-js/lib/evaluator.js
var globalRegistry = createRegistry({ enableOptionalTypes: false });
registerFunctions(globalRegistry);
registerOverloads(globalRegistry);
registerMacros(globalRegistry);
var Environment = class _Environment {
  #registry;
  #evaluator;
  #typeChecker;
  #evalTypeChecker;
  #parser;
  constructor(opts, inherited) {
    this.opts = createOptions(opts, inherited?.opts);
    this.#registry = (inherited instanceof _Environment ? inherited.#registry : globalRegistry).clone(this.opts);
    const childOpts = { registry: this.#registry, opts: this.opts };
    this.#typeChecker = new TypeChecker(childOpts);
    this.#evalTypeChecker = new TypeChecker(childOpts, true);
    this.#evaluator = new Evaluator(childOpts);
    this.#parser = new Parser(this.opts.limits, this.#registry);
    Object.freeze(this);
  }
  clone(opts) {
    return new _Environment(opts, this);
  }
  registerFunction(signature, handler, opts) {
    this.#registry.registerFunctionOverload(signature, handler, opts);
    return this;
  }
  registerOperator(string, handler, opts) {
    this.#registry.registerOperatorOverload(string, handler, opts);
    return this;
  }
  registerType(typename, constructor) {
    this.#registry.registerType(typename, constructor);
    return this;
  }
  registerVariable(name, type, opts) {
    this.#registry.registerVariable(name, type, opts);
    return this;
  }
  registerConstant(name, type, value) {
    this.#registry.registerConstant(name, type, value);
    return this;
  }
  hasVariable(name) {
    return this.#registry.variables.has(name);
  }
  getDefinitions() {
    return this.#registry.getDefinitions();
  }
  check(expression) {
    try {
      return this.#checkAST(this.#parser.parse(expression));
    } catch (error) {
      return { valid: false, error };
    }
  }
  #checkAST(ast) {
    try {
      const typeDecl = this.#typeChecker.check(ast, new RootContext(this.#registry));
      return { valid: true, type: this.#formatTypeForCheck(typeDecl) };
    } catch (error) {
      return { valid: false, error };
    }
  }
  #formatTypeForCheck(typeDecl) {
    if (typeDecl.name === `list<dyn>`) return "list";
    if (typeDecl.name === `map<dyn, dyn>`) return "map";
    return typeDecl.name;
  }
  parse(expression) {
    const ast = this.#parser.parse(expression);
    const evaluateParsed = this.#evaluateAST.bind(this, ast);
    evaluateParsed.check = this.#checkAST.bind(this, ast);
    evaluateParsed.ast = ast;
    return evaluateParsed;
  }
  evaluate(expression, context) {
    return this.#evaluateAST(this.#parser.parse(expression), context);
  }
  #evaluateAST(ast, ctx) {
    if (ast.checkedType) {
      return ast.evaluate(this.#evaluator, ast, new RootContext(this.#registry, ctx));
    } else {
      this.#evalTypeChecker.check(ast, ctx = new RootContext(this.#registry, ctx));
      return ast.evaluate(this.#evaluator, ast, ctx);
    }
  }
};
var Evaluator = class extends Base {
  constructor(opts) {
    super(opts);
    this.createError = evaluationError;
  }
  #firstMapElement(coll) {
    if (coll instanceof Map) return coll.entries().next().value;
    for (const key in coll) return [key, coll[key]];
  }
  debugRuntimeType(value, checkedType) {
    return checkedType?.hasDynType === false ? checkedType : this.debugTypeDeep(value);
  }
  debugTypeDeep(value) {
    const runtimeType = this.debugType(value);
    switch (runtimeType.kind) {
      case "list": {
        const first = value instanceof Array ? value[0] : value.values().next().value;
        if (first === void 0) return runtimeType;
        return this.registry.getListType(this.debugTypeDeep(first));
      }
      case "map": {
        const first = this.#firstMapElement(value);
        if (!first) return runtimeType;
        return this.registry.getMapType(
          runtimeType.keyType.hasDynType ? this.debugTypeDeep(first[0]) : runtimeType.keyType,
          runtimeType.valueType.hasDynType ? this.debugTypeDeep(first[1]) : runtimeType.valueType
        );
      }
      default:
        return runtimeType;
    }
  }
  tryEval(ast, ctx) {
    try {
      const res = this.run(ast, ctx);
      if (res instanceof Promise) return res.catch((err) => err);
      return res;
    } catch (err) {
      return err;
    }
  }
  run(ast, ctx) {
    return ast.evaluate(this, ast, ctx);
  }
};
var globalEnvironment = new Environment({
  unlistedVariablesAreDyn: true
});
function parse(expression) {
  return globalEnvironment.parse(expression);
}

// src/rules/celAst.ts
var CelIssue = class extends Error {
  constructor(message, offset) {
    super(message);
    this.offset = offset;
  }
  offset;
};
function parseCel(text2) {
  try {
    return parse(text2).ast;
  } catch (err) {
    if (!(err instanceof ParseError)) throw err;
    throw new CelIssue(`syntax error: ${err.summary}`, err.range?.start ?? 0);
  }
}
var nodeArgs = (node) => node.args;

// src/rules/ipRange.ts
import { isIPv4, isIPv6 } from "node:net";
var MAPPED_PREFIX = 0xffffn << 32n;
function v4ToBigint(text2) {
  let value = 0n;
  for (const part of text2.split(".")) value = value << 8n | BigInt(Number(part));
  return value;
}
function v6ToBigint(text2) {
  let head = text2;
  let tailV4;
  const lastColon = text2.lastIndexOf(":");
  if (text2.includes(".", lastColon)) {
    tailV4 = v4ToBigint(text2.slice(lastColon + 1));
    head = `${text2.slice(0, lastColon + 1)}0:0`;
  }
  const [left, right] = head.includes("::") ? head.split("::") : [head, void 0];
  const leftParts = left ? left.split(":") : [];
  const rightParts = right ? right.split(":") : [];
  const zeros = right === void 0 ? [] : new Array(8 - leftParts.length - rightParts.length).fill("0");
  let value = 0n;
  for (const part of [...leftParts, ...zeros, ...rightParts]) value = value << 16n | BigInt(parseInt(part, 16));
  return tailV4 === void 0 ? value : value & ~0xffffffffn | tailV4;
}
function ipToBigint(text2) {
  const bare = text2.startsWith("[") && text2.endsWith("]") ? text2.slice(1, -1) : text2;
  const noZone = bare.includes("%") ? bare.slice(0, bare.indexOf("%")) : bare;
  if (isIPv4(noZone)) return MAPPED_PREFIX | v4ToBigint(noZone);
  if (isIPv6(noZone)) return v6ToBigint(noZone);
  return void 0;
}
function parseCidr(cidr) {
  const slash = cidr.indexOf("/");
  const addrText = slash < 0 ? cidr : cidr.slice(0, slash);
  const v4 = isIPv4(addrText);
  if (!v4 && !isIPv6(addrText)) return `"${cidr}" is not a CIDR: "${addrText}" is not an IP address`;
  const width = v4 ? 32 : 128;
  const prefixText = slash < 0 ? String(width) : cidr.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > width) {
    return `"${cidr}" is not a CIDR: the prefix length must be 0-${width}`;
  }
  const prefix = Number(prefixText) + (v4 ? 96 : 0);
  const mask = prefix === 0 ? 0n : (1n << BigInt(prefix)) - 1n << BigInt(128 - prefix);
  return { base: ipToBigint(addrText) & mask, mask };
}
function inRange(ip, range) {
  const value = ipToBigint(ip);
  return value !== void 0 && (value & range.mask) === range.base;
}

// src/rules/schema.ts
var STRING = { kind: "string" };
var BOOL = { kind: "bool" };
var INT = { kind: "int" };
var listOf = (elem) => ({ kind: "list", elem });
var PROC_FIELDS = { exec_path: STRING, argv: listOf(STRING) };
var DESCENDANT = { kind: "object", name: "descendant", fields: PROC_FIELDS };
var ANCESTOR = { kind: "object", name: "ancestor", fields: { ...PROC_FIELDS, descendants: listOf(DESCENDANT) } };
var PROCESS = { kind: "object", name: "process", fields: { ...PROC_FIELDS, ancestors: listOf(ANCESTOR) } };
var TARGET = { kind: "object", name: "target", fields: { ...PROC_FIELDS, in_job: BOOL } };
function typeName(type) {
  return type.kind === "list" ? `list(${typeName(type.elem)})` : type.kind === "object" ? type.name : type.kind;
}
var EVENT_VARIABLES = {
  process_exec: { is_memfd: BOOL },
  network_connect: { remote_ip: STRING, remote_port: INT, protocol: STRING, family: STRING },
  unix_socket_connect: { path: STRING, socket_type: STRING, is_abstract: BOOL },
  file_open: { path: STRING, is_read: BOOL, is_write: BOOL, flags: INT },
  file_remove: { path: STRING, is_folder: BOOL },
  file_move: { from_path: STRING, to_path: STRING },
  file_link: { created_path: STRING, existing_path: STRING, is_hardlink: BOOL, is_symlink: BOOL },
  mount: { source_path: STRING, target_path: STRING },
  domain: { domain: STRING, source: STRING },
  http_request: { method: STRING, path: STRING, host: STRING, source: STRING },
  process_access: { operation: STRING, request: STRING, is_write: BOOL, target: TARGET }
};
var RULE_EVENT_TYPES = Object.keys(EVENT_VARIABLES);
function isRuleEventType(name) {
  return Object.hasOwn(EVENT_VARIABLES, name);
}
function variablesOf(type) {
  return { process: PROCESS, ...EVENT_VARIABLES[type] };
}

// src/rules/check.ts
var MACROS_LEFT_OUT = /* @__PURE__ */ new Set(["all", "filter", "map", "exists_one"]);
var STRING_METHODS = /* @__PURE__ */ new Set(["startsWith", "endsWith", "contains"]);
var COMPARISONS = /* @__PURE__ */ new Set(["<", "<=", ">", ">="]);
var BOOLEAN_OPS = /* @__PURE__ */ new Set(["&&", "||"]);
function sameType(a, b) {
  return typeName(a) === typeName(b);
}
var Checker = class {
  constructor(scope) {
    this.scope = scope;
  }
  scope;
  bound = [];
  get correlation() {
    return this.scope.rules !== void 0;
  }
  fail(node, message) {
    throw new CelIssue(message, node.pos);
  }
  expect(node, want, what) {
    const got = this.type(node);
    if (!sameType(got, want)) this.fail(node, `${what} must be ${typeName(want)}, not ${typeName(got)}`);
  }
  type(node) {
    switch (node.op) {
      case "value":
        return this.literal(node);
      case "id":
        return this.identifier(node);
      case ".":
        return this.select(node);
      case "rcall":
        return this.method(node);
      case "call":
        return this.func(node);
      case "!_":
        this.expect(node.args, BOOL, "the operand of !");
        return BOOL;
      case "-_":
        return this.negate(node);
      case "list":
        return this.listLiteral(node);
      case "?:":
        return this.ternary(node);
      default:
        return this.operator(node);
    }
  }
  literal(node) {
    const value = node.args;
    if (typeof value === "string") return STRING;
    if (typeof value === "boolean") return BOOL;
    if (typeof value === "bigint") return INT;
    return this.fail(node, "only string, int and bool literals are in the rule language");
  }
  identifier(node) {
    const name = node.args;
    for (let i = this.bound.length - 1; i >= 0; i--) {
      const type = this.bound[i].get(name);
      if (type !== void 0) return type;
    }
    if (Object.hasOwn(this.scope.variables, name)) return this.scope.variables[name];
    if (name === "list") this.fail(node, "`list` is read as list.NAME");
    if (name === "rule" && this.correlation) this.fail(node, "`rule` is read as rule.RULE_ID.total_count");
    return this.fail(node, `unknown variable "${name}"`);
  }
  isFree(node, name) {
    return node.op === "id" && node.args === name && !this.bound.some((frame) => frame.has(name));
  }
  select(node) {
    const [operand, field] = node.args;
    if (this.isFree(operand, "list")) {
      if (!this.scope.lists.has(field)) this.fail(node, `unknown list "${field}"`);
      return listOf(STRING);
    }
    if (this.correlation && operand.op === "." && this.isFree(nodeArgs(operand)[0], "rule")) {
      const id = operand.args[1];
      if (!this.scope.rules.has(id)) this.fail(operand, `unknown rule "${id}" in this rule set`);
      if (field !== "total_count") this.fail(node, `rule.${id} has only total_count, not "${field}"`);
      this.scope.referenced?.add(id);
      return INT;
    }
    if (this.correlation && this.isFree(operand, "rule")) this.fail(node, `rule.${field} needs .total_count`);
    const type = this.type(operand);
    if (type.kind !== "object") return this.fail(node, `${typeName(type)} has no field "${field}"`);
    if (!Object.hasOwn(type.fields, field)) return this.fail(node, `unknown variable "${field}" of ${type.name}`);
    return type.fields[field];
  }
  method(node) {
    const [name, receiver, args] = node.args;
    if (name === "exists") return this.exists(node, receiver, args);
    if (MACROS_LEFT_OUT.has(name) || name === "matches" || name === "size") {
      this.fail(node, `${name}() is not in the rule language's CEL subset`);
    }
    if (!STRING_METHODS.has(name)) this.fail(node, `unknown method ${name}()`);
    if (args.length !== 1) this.fail(node, `${name}() takes one string`);
    this.expect(receiver, STRING, `the receiver of ${name}()`);
    this.expect(args[0], STRING, `the argument of ${name}()`);
    return BOOL;
  }
  exists(node, receiver, args) {
    if (args.length !== 2 || args[0].op !== "id") this.fail(node, "exists takes a variable and a predicate: exists(x, p)");
    const range = this.type(receiver);
    if (range.kind !== "list") this.fail(receiver, `exists() needs a list, not ${typeName(range)}`);
    this.bound.push(/* @__PURE__ */ new Map([[args[0].args, range.elem]]));
    try {
      this.expect(args[1], BOOL, "the predicate of exists()");
    } finally {
      this.bound.pop();
    }
    return BOOL;
  }
  func(node) {
    const [name, args] = node.args;
    if (name === "has" || name === "size" || name === "matches") {
      this.fail(node, `${name}() is not in the rule language's CEL subset`);
    }
    if (name !== "inIpRange") this.fail(node, `unknown function ${name}()`);
    if (args.length !== 2) this.fail(node, 'inIpRange takes an address and a CIDR: inIpRange(ip, "10.0.0.0/8")');
    this.expect(args[0], STRING, "the address of inIpRange()");
    const cidr = args[1];
    if (cidr.op !== "value" || typeof cidr.args !== "string") this.fail(cidr, "the CIDR of inIpRange() must be a string literal");
    const range = parseCidr(cidr.args);
    if (typeof range === "string") this.fail(cidr, range);
    return BOOL;
  }
  negate(node) {
    const operand = node.args;
    if (!this.correlation && !(operand.op === "value" && typeof operand.args === "bigint")) {
      this.fail(node, "arithmetic is only allowed in correlation rules");
    }
    this.expect(operand, INT, "the operand of -");
    return INT;
  }
  listLiteral(node) {
    const items = nodeArgs(node);
    for (const item of items) if (item.op !== "value" || typeof item.args !== "string") this.fail(item, "list literals hold string literals");
    return listOf(STRING);
  }
  ternary(node) {
    if (!this.correlation) this.fail(node, "the conditional operator ?: is only allowed in correlation rules");
    const [test, yes, no] = nodeArgs(node);
    this.expect(test, BOOL, "the condition of ?:");
    const type = this.type(yes);
    this.expect(no, type, "both branches of ?:");
    return type;
  }
  operator(node) {
    const [left, right] = nodeArgs(node);
    const op = node.op;
    if (BOOLEAN_OPS.has(op)) {
      this.expect(left, BOOL, `the left of ${op}`);
      this.expect(right, BOOL, `the right of ${op}`);
      return BOOL;
    }
    if (op === "==" || op === "!=" || COMPARISONS.has(op)) return this.comparison(node, left, right);
    if (op === "+" || op === "-") {
      if (!this.correlation) this.fail(node, "arithmetic is only allowed in correlation rules");
      this.expect(left, INT, `the left of ${op}`);
      this.expect(right, INT, `the right of ${op}`);
      return INT;
    }
    if (op === "*" || op === "/" || op === "%") this.fail(node, `${op} is not in the rule language (only + and - in correlation rules)`);
    if (op === "[]" || op === "[?]") this.fail(node, "index access is not in the rule language's CEL subset");
    return this.fail(node, `"${op}" is not in the rule language's CEL subset`);
  }
  comparison(node, left, right) {
    const type = this.type(left);
    if (type.kind === "list" || type.kind === "object") this.fail(node, `${node.op} compares strings, ints or bools, not ${typeName(type)}`);
    if (COMPARISONS.has(node.op) && type.kind === "bool") this.fail(node, `${node.op} compares strings or ints, not bool`);
    this.expect(right, type, `the right of ${node.op}`);
    return BOOL;
  }
};
function checkCondition(root, scope) {
  const type = new Checker(scope).type(root);
  if (type.kind !== "bool") throw new CelIssue(`the condition must be bool, not ${typeName(type)}`, root.pos);
}

// src/rules/fold.ts
function isAscii2(text2) {
  for (let i = 0; i < text2.length; i++) if (text2.charCodeAt(i) >= 128) return false;
  return true;
}
function fold(text2) {
  const lower = text2.toLowerCase();
  return isAscii2(lower) ? lower : lower.normalize("NFC");
}
function foldAll(texts) {
  return texts === void 0 ? [] : texts.map(fold);
}

// src/rules/compile.ts
function affixKey(text2, tail) {
  const n = text2.length;
  if (n < 2) return -1;
  const a = tail ? text2.charCodeAt(n - 1) : text2.charCodeAt(0);
  const b = tail ? text2.charCodeAt(n - 2) : text2.charCodeAt(1);
  return (a | b) >= 128 ? -1 : a * 128 + b;
}
function affixMatcher(items, tail) {
  const short = [];
  const buckets = new Array(128 * 128);
  for (const item of items) {
    const key = affixKey(item, tail);
    if (key < 0) short.push(item);
    else (buckets[key] ??= []).push(item);
  }
  const has = tail ? (v, s) => v.endsWith(s) : (v, s) => v.startsWith(s);
  return (v) => {
    const key = affixKey(v, tail);
    const bucket = key < 0 ? void 0 : buckets[key];
    if (bucket !== void 0) {
      for (let i = 0; i < bucket.length; i++) if (has(v, bucket[i])) return true;
    }
    for (let i = 0; i < short.length; i++) if (has(v, short[i])) return true;
    return false;
  };
}
function listMatcher(method, items) {
  if (method === "==") {
    const set = new Set(items);
    return (v) => set.has(v);
  }
  if (method === "endsWith" || method === "startsWith") return affixMatcher(items, method === "endsWith");
  if (method === "contains") return (v) => items.some((item) => v.includes(item));
  return void 0;
}
function mentions(node, name) {
  if (node.op === "id") return node.args === name;
  if (node.op === "value") return false;
  const walk = (x) => Array.isArray(x) ? x.some(walk) : typeof x === "object" && x !== null && "op" in x && mentions(x, name);
  return walk(node.args);
}
var Compiler = class {
  constructor(ctx) {
    this.ctx = ctx;
  }
  ctx;
  depth = 0;
  slots = [];
  compile(node) {
    switch (node.op) {
      case "value": {
        const value = typeof node.args === "string" ? fold(node.args) : typeof node.args === "bigint" ? Number(node.args) : node.args;
        return () => value;
      }
      case "id":
        return this.identifier(node.args);
      case ".":
        return this.select(node);
      case "rcall":
        return this.method(node);
      case "call":
        return this.ipRange(node);
      case "list": {
        const items = nodeArgs(node).map((item) => fold(item.args));
        return () => items;
      }
      case "!_": {
        const operand = this.compile(node.args);
        return (a, f) => !operand(a, f);
      }
      case "-_": {
        const operand = this.compile(node.args);
        return (a, f) => -operand(a, f);
      }
      case "?:": {
        const [test, yes, no] = nodeArgs(node).map((n) => this.compile(n));
        return (a, f) => test(a, f) ? yes(a, f) : no(a, f);
      }
      default:
        return this.binary(node);
    }
  }
  identifier(name) {
    for (let i = this.slots.length - 1; i >= 0; i--) {
      const slot = this.slots[i].get(name);
      if (slot !== void 0) return (_a, f) => f[slot];
    }
    return (a) => a[name];
  }
  constantList(node) {
    if (node.op === "list") return nodeArgs(node).map((item) => fold(item.args));
    if (node.op !== ".") return void 0;
    const [operand, field] = node.args;
    const free = operand.op === "id" && operand.args === "list" && !this.slots.some((s) => s.has("list"));
    return free ? this.ctx.lists.get(field).map(fold) : void 0;
  }
  select(node) {
    const list = this.constantList(node);
    if (list !== void 0) return () => list;
    const [operand, field] = node.args;
    if (this.ctx.ruleIndex && field === "total_count" && operand.op === ".") {
      const index = this.ctx.ruleIndex(operand.args[1]);
      return (counts) => counts[index];
    }
    const object = this.compile(operand);
    return (a, f) => object(a, f)[field];
  }
  method(node) {
    const [name, receiverNode, args] = node.args;
    if (name === "exists") return this.exists(receiverNode, args[0].args, args[1]);
    const receiver = this.compile(receiverNode);
    const arg = this.compile(args[0]);
    if (name === "startsWith") return (a, f) => receiver(a, f).startsWith(arg(a, f));
    if (name === "endsWith") return (a, f) => receiver(a, f).endsWith(arg(a, f));
    return (a, f) => receiver(a, f).includes(arg(a, f));
  }
  /** `X.method(v)` or `X == v` / `v == X` with X free of v: the parts for listMatcher. */
  itemTest(pred, v) {
    const isV = (n) => n.op === "id" && n.args === v;
    if (pred.op === "rcall") {
      const [name, receiver, args] = pred.args;
      if (args.length === 1 && isV(args[0]) && !mentions(receiver, v)) return { method: name, subject: receiver };
    }
    if (pred.op === "==") {
      const [left, right] = nodeArgs(pred);
      if (isV(right) && !mentions(left, v)) return { method: "==", subject: left };
      if (isV(left) && !mentions(right, v)) return { method: "==", subject: right };
    }
    return void 0;
  }
  exists(rangeNode, v, pred) {
    const list = this.constantList(rangeNode);
    const test = list && this.itemTest(pred, v);
    const matcher = test && listMatcher(test.method, list);
    if (test && matcher) {
      const subject = this.compile(test.subject);
      return (a, f) => matcher(subject(a, f));
    }
    const range = this.compile(rangeNode);
    const slot = this.depth++;
    this.slots.push(/* @__PURE__ */ new Map([[v, slot]]));
    const body = this.compile(pred);
    this.slots.pop();
    this.depth--;
    return (a, f) => {
      for (const item of range(a, f)) {
        f[slot] = item;
        if (body(a, f) === true) return true;
      }
      return false;
    };
  }
  ipRange(node) {
    const [, args] = node.args;
    const ip = this.compile(args[0]);
    const range = parseCidr(args[1].args);
    return (a, f) => inRange(ip(a, f), range);
  }
  binary(node) {
    const [l, r] = nodeArgs(node).map((n) => this.compile(n));
    switch (node.op) {
      case "&&":
        return (a, f) => l(a, f) === true && r(a, f) === true;
      case "||":
        return (a, f) => l(a, f) === true || r(a, f) === true;
      case "==":
        return (a, f) => l(a, f) === r(a, f);
      case "!=":
        return (a, f) => l(a, f) !== r(a, f);
      case "<":
        return (a, f) => l(a, f) < r(a, f);
      case "<=":
        return (a, f) => l(a, f) <= r(a, f);
      case ">":
        return (a, f) => l(a, f) > r(a, f);
      case ">=":
        return (a, f) => l(a, f) >= r(a, f);
      case "+":
        return (a, f) => l(a, f) + r(a, f);
      default:
        return (a, f) => l(a, f) - r(a, f);
    }
  }
};
function compileCondition(root, ctx) {
  return new Compiler(ctx).compile(root);
}

// src/rules/load.ts
var import_yaml2 = __toESM(require_dist(), 1);

// src/events/finding.ts
var SEVERITIES = ["critical", "high", "medium", "low", "info"];

// src/rules/yamlFields.ts
var import_yaml = __toESM(require_dist(), 1);

// src/rules/position.ts
function contentLines(source, node) {
  const [begin, end] = node.range;
  const raw = source.slice(begin, end);
  const lines = [];
  const block = node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED";
  const quoted = node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE";
  let offset = begin;
  const parts = raw.split("\n");
  const bodyIndent = block ? Math.min(...parts.slice(1).filter((l) => l.trim() !== "").map((l) => l.length - l.trimStart().length)) : 0;
  parts.forEach((line, i) => {
    if (!(block && i === 0)) {
      let skip = block ? Math.min(bodyIndent, line.length) : line.length - line.trimStart().length;
      if (quoted && i === 0) skip += 1;
      lines.push({ start: offset + skip, length: Math.max(0, line.trimEnd().length - skip) });
    }
    offset += line.length + 1;
  });
  return lines;
}
function scalarLocator(file, source, node, counter) {
  const lines = node.range ? contentLines(source, node) : [];
  return (offset) => {
    let fileOffset = node.range?.[0] ?? 0;
    let rest = offset;
    for (const line of lines) {
      fileOffset = line.start + rest;
      if (rest <= line.length) break;
      rest -= line.length + 1;
    }
    const pos = counter.linePos(fileOffset);
    return { file, line: pos.line, col: pos.col };
  };
}
function nodeAt(file, node, counter) {
  const pos = counter.linePos(node?.range?.[0] ?? 0);
  return { file, line: pos.line, col: pos.col };
}

// src/rules/yamlFields.ts
var FileContext = class {
  constructor(file, source, counter) {
    this.file = file;
    this.source = source;
    this.counter = counter;
  }
  file;
  source;
  counter;
  problems = [];
  at(node) {
    return nodeAt(this.file, node, this.counter);
  }
  problem(node, message, rule2) {
    this.problems.push({ at: this.at(node), message, ...rule2 ? { rule: rule2 } : {} });
  }
};
var Fields = class {
  constructor(ctx, node, label, allowed) {
    this.ctx = ctx;
    this.node = node;
    this.label = label;
    for (const pair of node.items) {
      const key = (0, import_yaml.isScalar)(pair.key) ? String(pair.key.value) : "?";
      if (!allowed.includes(key)) ctx.problem(pair.key, `unknown key "${key}" (allowed: ${allowed.join(", ")})`, label);
    }
  }
  ctx;
  node;
  label;
  get at() {
    return this.ctx.at(this.node);
  }
  raw(key) {
    return this.node.get(key, true) ?? void 0;
  }
  problem(key, message) {
    this.ctx.problem(key === void 0 ? this.node : this.raw(key) ?? this.node, message, this.label);
  }
  string(key, required = false) {
    const node = this.raw(key);
    if (node === void 0) {
      if (required) this.problem(void 0, `"${key}" is required`);
      return void 0;
    }
    if (!(0, import_yaml.isScalar)(node) || typeof node.value !== "string" || node.value === "") {
      this.problem(key, `"${key}" must be a non-empty string`);
      return void 0;
    }
    return node.value;
  }
  cel(key, required = false) {
    const text2 = this.string(key, required);
    const node = this.raw(key);
    if (text2 === void 0 || !(0, import_yaml.isScalar)(node)) return void 0;
    return { text: text2, at: scalarLocator(this.ctx.file, this.ctx.source, node, this.ctx.counter) };
  }
  oneOf(key, values, required = false) {
    const text2 = this.string(key, required);
    if (text2 === void 0) return void 0;
    if (!values.includes(text2)) {
      this.problem(key, `"${key}" must be one of ${values.join(", ")}, not "${text2}"`);
      return void 0;
    }
    return text2;
  }
  int(key, min2, max) {
    const node = this.raw(key);
    if (node === void 0) return void 0;
    const value = (0, import_yaml.isScalar)(node) ? node.value : void 0;
    if (typeof value !== "number" || !Number.isInteger(value) || value < min2 || value > max) {
      this.problem(key, `"${key}" must be an integer from ${min2} to ${max}`);
      return void 0;
    }
    return value;
  }
  bool(key) {
    const node = this.raw(key);
    if (node === void 0) return void 0;
    if (!(0, import_yaml.isScalar)(node) || typeof node.value !== "boolean") {
      this.problem(key, `"${key}" must be true or false`);
      return void 0;
    }
    return node.value;
  }
  /** The items of a list-valued key ([] when absent or not a list, the latter a problem). */
  seq(key, required = false) {
    const node = this.raw(key);
    if (node === void 0) {
      if (required) this.problem(void 0, `"${key}" is required`);
      return [];
    }
    if (!(0, import_yaml.isSeq)(node)) {
      this.problem(key, `"${key}" must be a list`);
      return [];
    }
    return node.items;
  }
  map(key) {
    const node = this.raw(key);
    if (node === void 0) return void 0;
    if (!(0, import_yaml.isMap)(node)) {
      this.problem(key, `"${key}" must be a mapping`);
      return void 0;
    }
    return node;
  }
};
function entryFields(ctx, node, what, label, allowed) {
  if (!(0, import_yaml.isMap)(node)) {
    ctx.problem(node, `each ${what} must be a mapping`, label);
    return void 0;
  }
  return new Fields(ctx, node, label, allowed);
}

// src/rules/load.ts
var ACTIONS = ["collect", "detect", "terminate"];
var RULE_KEYS = ["rule_id", "rule_name", "description", "type", "event_type", "condition", "exceptions", "action", "max_alerts", "tags", "target"];
var RULESET_KEYS = ["ruleset_id", "lists", "rules"];
var MODIFIER_KEYS = ["modifier_id", "targets", "override_action", "override_max_alerts", "add_exceptions", "add_target_exclude", "disable"];
var IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
var DEFAULT_MAX_ALERTS = 10;
function targetRefs(ctx, nodes, label) {
  const refs = [];
  for (const node of nodes) {
    const f = entryFields(ctx, node, "target entry", label, ["provider_host", "path"]);
    if (!f) continue;
    const ref = { provider_host: f.string("provider_host"), path: f.string("path") };
    if (ref.provider_host === void 0 && ref.path === void 0) f.problem(void 0, "a target entry needs provider_host or path");
    refs.push(ref);
  }
  return refs;
}
function target(ctx, f, label) {
  const node = f.map("target");
  if (!node) return { include: [], exclude: [] };
  const t = entryFields(ctx, node, "target", label, ["include", "exclude"]);
  return { include: targetRefs(ctx, t.seq("include"), label), exclude: targetRefs(ctx, t.seq("exclude"), label) };
}
function tags(ctx, f, label) {
  const node = f.map("tags");
  const out = {};
  for (const pair of node?.items ?? []) {
    const key = (0, import_yaml2.isScalar)(pair.key) ? String(pair.key.value) : "";
    const value = (0, import_yaml2.isScalar)(pair.value) ? pair.value.value : void 0;
    if (typeof value === "string" || typeof value === "number") out[key] = String(value);
    else ctx.problem(pair.value, `tag "${key}" must be a string`, label);
  }
  if (out.severity !== void 0 && !SEVERITIES.includes(out.severity)) {
    ctx.problem(node, `severity must be one of ${SEVERITIES.join(", ")}, not "${out.severity}"`, label);
  }
  return out;
}
function ruleKind(f) {
  const type = f.string("type");
  if (type !== void 0 && type !== "correlation") f.problem("type", `"type" is either absent or "correlation", not "${type}"`);
  const correlation = type === "correlation";
  const eventType = f.string("event_type", !correlation);
  if (correlation && eventType !== void 0) f.problem("event_type", "a correlation rule has no event_type");
  if (correlation && f.raw("exceptions")) f.problem("exceptions", "a correlation rule has no exceptions");
  if (!correlation && eventType === void 0) return void 0;
  if (eventType !== void 0 && !isRuleEventType(eventType)) {
    f.problem("event_type", `unknown event_type "${eventType}"`);
    return void 0;
  }
  return { correlation, ...correlation ? {} : { eventType } };
}
function rule(ctx, node, rulesetId) {
  const idNode = (0, import_yaml2.isMap)(node) ? node.get("rule_id") : void 0;
  const label = `${rulesetId}/${typeof idNode === "string" ? idNode : "?"}`;
  const f = entryFields(ctx, node, "rule", label, RULE_KEYS);
  if (!f) return void 0;
  const ruleId = f.string("rule_id", true);
  if (ruleId !== void 0 && !IDENTIFIER.test(ruleId)) f.problem("rule_id", `rule_id "${ruleId}" is not a CEL identifier (letters, digits, _; not starting with a digit)`);
  const kind = ruleKind(f);
  const condition = f.cel("condition", true);
  const exceptions = f.cel("exceptions");
  const action = f.oneOf("action", ACTIONS, true);
  const maxAlerts = f.int("max_alerts", 1, 1e6) ?? DEFAULT_MAX_ALERTS;
  const ruleTags = tags(ctx, f, label);
  const ruleTarget = target(ctx, f, label);
  if (ruleId === void 0 || !kind || !condition || !action) return void 0;
  const severity = ruleTags.severity ?? (action === "collect" ? "info" : "medium");
  return {
    rulesetId,
    ruleId,
    condition,
    action,
    maxAlerts,
    severity,
    tags: ruleTags,
    target: ruleTarget,
    at: f.at,
    ...kind.eventType ? { eventType: kind.eventType } : {},
    ...exceptions ? { exceptions } : {},
    ...optionalStrings(f, { ruleName: "rule_name", description: "description" })
  };
}
function optionalStrings(f, keys) {
  const out = {};
  for (const [name, key] of Object.entries(keys)) {
    const value = f.string(key);
    if (value !== void 0) out[name] = value;
  }
  return out;
}
function lists(ctx, f, label) {
  const out = /* @__PURE__ */ new Map();
  for (const pair of f.map("lists")?.items ?? []) {
    const name = (0, import_yaml2.isScalar)(pair.key) ? String(pair.key.value) : "";
    if (!IDENTIFIER.test(name)) ctx.problem(pair.key, `list name "${name}" is not an identifier`, label);
    const items = (0, import_yaml2.isSeq)(pair.value) ? pair.value.items : void 0;
    if (!items || !items.every((i) => (0, import_yaml2.isScalar)(i) && typeof i.value === "string")) {
      ctx.problem(pair.value ?? pair.key, `list "${name}" must be a list of strings`, label);
      continue;
    }
    out.set(name, items.map((i) => i.value));
  }
  return out;
}
function ruleSet(ctx, node) {
  const f = entryFields(ctx, node, "rule set", void 0, RULESET_KEYS);
  const rulesetId = f?.string("ruleset_id", true);
  if (!f || rulesetId === void 0) return void 0;
  const setLists = lists(ctx, f, rulesetId);
  const rules2 = [];
  for (const item of f.seq("rules", true)) {
    const r = rule(ctx, item, rulesetId);
    if (r) rules2.push(r);
  }
  return { rulesetId, lists: setLists, rules: rules2, at: f.at };
}
function modifierTargets(ctx, f, label) {
  const out = [];
  for (const node of f.seq("targets", true)) {
    const t = entryFields(ctx, node, "modifier target", label, ["ruleset_id", "rule_id"]);
    const rulesetId = t?.string("ruleset_id", true);
    if (rulesetId === void 0) continue;
    const ruleId = t.string("rule_id");
    out.push(ruleId === void 0 ? { rulesetId } : { rulesetId, ruleId });
  }
  if (out.length === 0 && f.raw("targets")) f.problem("targets", "a modifier needs at least one target");
  return out;
}
function modifier(ctx, node) {
  const idNode = (0, import_yaml2.isMap)(node) ? node.get("modifier_id") : void 0;
  const label = `modifier ${typeof idNode === "string" ? idNode : "?"}`;
  const f = entryFields(ctx, node, "rule modifier", label, MODIFIER_KEYS);
  const modifierId = f?.string("modifier_id", true);
  if (!f || modifierId === void 0) return void 0;
  const targets = modifierTargets(ctx, f, label);
  const overrideAction = f.oneOf("override_action", ACTIONS);
  const overrideMaxAlerts = f.int("override_max_alerts", 1, 100);
  const addExceptions = f.cel("add_exceptions");
  const addTargetExclude = targetRefs(ctx, f.seq("add_target_exclude"), label);
  const disable = f.bool("disable") ?? false;
  return {
    modifierId,
    targets,
    addTargetExclude,
    disable,
    at: f.at,
    ...overrideAction ? { overrideAction } : {},
    ...overrideMaxAlerts !== void 0 ? { overrideMaxAlerts } : {},
    ...addExceptions ? { addExceptions } : {}
  };
}
function topLevel(ctx, root) {
  const out = { ruleSets: [], modifiers: [] };
  if (!root) {
    ctx.problem(void 0, "a rule file is a mapping with rule_sets: or rule_modifiers:");
    return out;
  }
  const f = entryFields(ctx, root, "file", void 0, ["rule_sets", "rule_modifiers"]);
  const hasSets = f.raw("rule_sets") !== void 0;
  const hasModifiers = f.raw("rule_modifiers") !== void 0;
  if (hasSets && hasModifiers) f.problem("rule_modifiers", "a file holds rule_sets or rule_modifiers, never both");
  if (!hasSets && !hasModifiers) f.problem(void 0, "a rule file holds rule_sets: or rule_modifiers:");
  for (const node of f.seq("rule_sets")) {
    const set = ruleSet(ctx, node);
    if (set) out.ruleSets.push(set);
  }
  for (const node of f.seq("rule_modifiers")) {
    const m = modifier(ctx, node);
    if (m) out.modifiers.push(m);
  }
  return out;
}
function parseRuleFile(file, source, problems) {
  const counter = new import_yaml2.LineCounter();
  const doc = (0, import_yaml2.parseDocument)(source, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const ctx = new FileContext(file, source, counter);
  for (const err of doc.errors) {
    const pos = counter.linePos(err.pos[0]);
    problems.push({ at: { file, line: pos.line, col: pos.col }, message: `YAML: ${err.message.split("\n")[0]}` });
  }
  if (doc.errors.length > 0) return { ruleSets: [], modifiers: [] };
  const loaded = topLevel(ctx, (0, import_yaml2.isMap)(doc.contents) ? doc.contents : void 0);
  problems.push(...ctx.problems);
  return loaded;
}

// src/rules/modifiers.ts
function unmodified(rule2) {
  return { action: rule2.action, maxAlerts: rule2.maxAlerts, disabled: false, addExceptions: [], addTargetExclude: [], modifiers: [] };
}
function apply(m, rule2, state, problems) {
  if (m.overrideAction) state.action = m.overrideAction;
  if (m.overrideMaxAlerts !== void 0) state.maxAlerts = m.overrideMaxAlerts;
  if (m.disable) state.disabled = true;
  if (m.addExceptions) {
    if (rule2.eventType === void 0) {
      problems.push({ at: m.at, rule: `modifier ${m.modifierId}`, message: `add_exceptions cannot apply to correlation rule ${rule2.rulesetId}/${rule2.ruleId}` });
    } else state.addExceptions.push(m.addExceptions);
  }
  state.addTargetExclude.push(...m.addTargetExclude);
  if (!state.modifiers.includes(m.modifierId)) state.modifiers.push(m.modifierId);
}
function applyModifiers(sets, modifiers, problems) {
  const states = /* @__PURE__ */ new Map();
  const byId = new Map(sets.map((s) => [s.rulesetId, s]));
  for (const set of sets) for (const rule2 of set.rules) states.set(`${set.rulesetId}/${rule2.ruleId}`, unmodified(rule2));
  const seen = /* @__PURE__ */ new Set();
  for (const m of modifiers) {
    if (seen.has(m.modifierId)) problems.push({ at: m.at, rule: `modifier ${m.modifierId}`, message: "modifier_id is used twice" });
    seen.add(m.modifierId);
    for (const t of m.targets) {
      const set = byId.get(t.rulesetId);
      const rules2 = set?.rules.filter((r) => t.ruleId === void 0 || r.ruleId === t.ruleId) ?? [];
      if (!set || rules2.length === 0) {
        const what = set ? `rule ${t.rulesetId}/${t.ruleId}` : `rule set ${t.rulesetId}`;
        problems.push({ at: m.at, rule: `modifier ${m.modifierId}`, message: `targets ${what}, which is not loaded` });
      }
      for (const rule2 of rules2) apply(m, rule2, states.get(`${set.rulesetId}/${rule2.ruleId}`), problems);
    }
  }
  return states;
}

// src/rules/specs.ts
function formatProblem(p) {
  return `${p.at.file}:${p.at.line}:${p.at.col}: ${p.rule ? `${p.rule}: ` : ""}${p.message}`;
}
var RuleLoadError = class extends Error {
  constructor(problems) {
    super(problems.map(formatProblem).join("\n"));
    this.problems = problems;
    this.name = "RuleLoadError";
  }
  problems;
};

// src/rules/book.ts
function compileText(cel, scope, ctx, label, problems) {
  try {
    const ast = parseCel(cel.text);
    checkCondition(ast, scope);
    return compileCondition(ast, ctx);
  } catch (err) {
    if (!(err instanceof CelIssue)) throw err;
    problems.push({ at: cel.at(err.offset), rule: label, message: err.message });
    return void 0;
  }
}
function compileRule(rule2, mod, sc, index, opts, problems) {
  const label = `${rule2.rulesetId}/${rule2.ruleId}`;
  const correlation = rule2.eventType === void 0;
  const scope = correlation ? { variables: {}, lists: /* @__PURE__ */ new Set(), rules: new Set([...sc.ruleIds].filter((id) => id !== rule2.ruleId)), referenced: /* @__PURE__ */ new Set() } : { variables: variablesOf(rule2.eventType), lists: new Set(sc.set.lists.keys()) };
  const ctx = { lists: sc.set.lists, ruleIndex: correlation ? (id) => sc.indexOf.get(id) : void 0 };
  const condition = compileText(rule2.condition, scope, ctx, label, problems);
  const exceptionTexts = [...rule2.exceptions ? [rule2.exceptions] : [], ...mod.addExceptions];
  const exceptions = exceptionTexts.map((text2) => compileText(text2, scope, ctx, label, problems));
  if (!condition || exceptions.some((e) => e === void 0)) return void 0;
  return {
    index,
    spec: rule2,
    condition,
    exceptions,
    reads: [...scope.referenced ?? []].map((id) => sc.indexOf.get(id)),
    action: opts.monitorMode && mod.action === "terminate" ? "detect" : mod.action,
    maxAlerts: mod.maxAlerts,
    modifiers: mod.modifiers,
    target: { include: rule2.target.include, exclude: [...rule2.target.exclude, ...mod.addTargetExclude] }
  };
}
function uniqueIds(sets, problems) {
  const setAt = /* @__PURE__ */ new Map();
  for (const set of sets) {
    const first = setAt.get(set.rulesetId);
    if (first) problems.push({ at: set.at, rule: set.rulesetId, message: `ruleset_id is also used at ${first}` });
    setAt.set(set.rulesetId, `${set.at.file}:${set.at.line}`);
    const ruleAt = /* @__PURE__ */ new Map();
    for (const rule2 of set.rules) {
      const prev = ruleAt.get(rule2.ruleId);
      if (prev) problems.push({ at: rule2.at, rule: `${set.rulesetId}/${rule2.ruleId}`, message: `rule_id is also used at ${prev}` });
      ruleAt.set(rule2.ruleId, `${rule2.at.file}:${rule2.at.line}`);
    }
  }
}
function buildRuleBook(files, opts = {}, problems = []) {
  const sets = files.flatMap((f) => f.ruleSets);
  uniqueIds(sets, problems);
  const modified = applyModifiers(sets, files.flatMap((f) => f.modifiers), problems);
  const rules2 = [];
  let next = 0;
  for (const set of sets) {
    const indexOf = new Map(set.rules.map((r, i) => [r.ruleId, next + i]));
    const sc = { set, ruleIds: new Set(indexOf.keys()), indexOf };
    for (const rule2 of set.rules) {
      const mod = modified.get(`${set.rulesetId}/${rule2.ruleId}`);
      const compiled = compileRule(rule2, mod, sc, next++, opts, problems);
      if (compiled && !mod.disabled) rules2.push(compiled);
    }
  }
  if (problems.length > 0) throw new RuleLoadError(problems);
  return indexBook(rules2, next);
}
function indexBook(rules2, slots) {
  const byEventType = /* @__PURE__ */ new Map();
  const correlationsOf = /* @__PURE__ */ new Map();
  for (const rule2 of rules2) {
    const type = rule2.spec.eventType;
    if (type !== void 0) {
      if (!byEventType.has(type)) byEventType.set(type, []);
      byEventType.get(type).push(rule2);
      continue;
    }
    for (const ref of rule2.reads) {
      if (!correlationsOf.has(ref)) correlationsOf.set(ref, []);
      correlationsOf.get(ref).push(rule2);
    }
  }
  return { rules: rules2, byEventType, correlationsOf, slots };
}

// src/rules/eventSummary.ts
var MAX_ARGV = 200;
function commandLine(e) {
  const argv = e.process.argv.length > 0 ? e.process.argv.join(" ") : e.process.exec_path;
  return argv.length > MAX_ARGV ? `${argv.slice(0, MAX_ARGV)}\u2026` : argv;
}
var hostPort = (address, port) => address.includes(":") ? `[${address}]:${port}` : `${address}:${port}`;
var DESCRIBE = {
  process_exec: (e) => `executed ${e.process.exec_path}${e.process.memfd ? " from a memfd" : ""}: ${commandLine(e)}`,
  process_exit: (e) => `exited: ${e.process.exec_path}`,
  network_connect: (e) => `connected (${e.network?.protocol ?? "?"}) to ${e.network ? hostPort(e.network.address, e.network.port) : "?"}${e.network?.domain ? ` (${e.network.domain})` : ""}`,
  file_open: (e) => `opened ${e.file?.path ?? "?"} for ${e.file?.access ?? "access"}`,
  file_remove: (e) => `removed ${e.file?.is_dir || e.file?.directory ? "directory " : ""}${e.file?.path ?? "?"}`,
  file_move: (e) => `moved ${e.file?.path ?? "?"} to ${e.file?.target_path ?? "?"}`,
  file_link: (e) => `linked ${e.file?.target_path ?? "?"} to ${e.file?.path ?? "?"} (${e.file?.link_type ?? "link"})`,
  domain: (e) => `looked up ${e.domain?.name ?? "?"} (${e.domain?.source ?? "?"})`,
  unix_socket_connect: (e) => `connected to unix socket ${e.unix_socket?.path ?? "?"}`,
  mount: (e) => `mounted ${e.mount?.source ?? "?"} on ${e.mount?.target ?? "?"}`,
  http_request: (e) => `sent HTTP ${e.http?.method ?? "?"} ${e.http?.host ?? "?"}${e.http?.path ?? ""}`,
  process_access: (e) => `${e.access?.operation ?? "accessed"}${e.access?.request ? ` ${e.access.request}` : ""} on pid ${e.access?.target.pid ?? "?"} (${e.access?.target.exec_path ?? "?"})`
};
function eventSummary(e) {
  const what = (DESCRIBE[e.kind] ?? ((x) => x.kind))(e);
  return `${e.process.exec_path.split("/").pop() ?? e.process.exec_path} ${what}`;
}

// src/rules/findingOf.ts
function findingOf(rule2, event) {
  const spec = rule2.spec;
  const p = event.process;
  const finding = {
    ruleset_id: spec.rulesetId,
    rule_id: spec.ruleId,
    ...spec.ruleName !== void 0 ? { rule_name: spec.ruleName } : {},
    ...spec.description !== void 0 ? { description: spec.description } : {},
    action: rule2.action,
    severity: spec.severity,
    tags: { ...spec.tags },
    seq: event.seq,
    time: event.time,
    event_kind: event.kind,
    job: { id: event.job.id },
    process: { pid: p.pid, exec_path: p.exec_path, argv: p.argv, ancestors: p.ancestors },
    summary: eventSummary(event)
  };
  if (event.step?.label !== void 0) finding.step = { label: event.step.label };
  if (rule2.modifiers.length > 0) finding.modifiers = [...rule2.modifiers];
  return finding;
}

// src/rules/target.ts
function matches(ref, repo) {
  if (ref.provider_host !== void 0 && ref.provider_host.toLowerCase() !== repo.providerHost.toLowerCase()) return false;
  if (ref.path === void 0) return true;
  if (repo.path === void 0) return false;
  const want = ref.path.toLowerCase().replace(/\/+$/, "");
  const have = repo.path.toLowerCase();
  return have === want || have.startsWith(`${want}/`);
}
function appliesTo(target2, repo) {
  if (target2.exclude.some((ref) => matches(ref, repo))) return false;
  return target2.include.length === 0 || target2.include.some((ref) => matches(ref, repo));
}

// src/rules/variables.ts
var processCache = /* @__PURE__ */ new WeakMap();
var lastContext;
var lastVars;
function procVars(exec_path, argv) {
  return { exec_path: fold(exec_path), argv: foldAll(argv) };
}
function ancestorVars(ancestors) {
  const plain = ancestors.map((a) => procVars(a.exec_path, a.argv));
  return plain.map((a, i) => ({ ...a, descendants: plain.slice(0, i).reverse() }));
}
function processVars(ctx) {
  if (ctx === lastContext) return lastVars;
  let vars = processCache.get(ctx);
  if (vars === void 0) {
    vars = { ...procVars(ctx.exec_path, ctx.argv), ancestors: ancestorVars(ctx.ancestors ?? []) };
    processCache.set(ctx, vars);
  }
  lastContext = ctx;
  lastVars = vars;
  return vars;
}
var FileOpenVars = class {
  constructor(e, process2) {
    this.e = e;
    this.process = process2;
    const access = e.file?.access;
    this.path = str(e.file?.path);
    this.is_read = access === "read" || access === "read_write";
    this.is_write = access === "write" || access === "read_write";
  }
  e;
  process;
  path;
  is_read;
  is_write;
  get flags() {
    return openFlagBits(this.e.file?.flags ?? []);
  }
};
var str = (text2) => text2 === void 0 ? "" : fold(text2);
var FILL = {
  process_exec: (e, process2) => ({ process: process2, is_memfd: e.process.memfd === true }),
  network_connect: (e, process2) => ({
    process: process2,
    remote_ip: str(e.network?.address),
    remote_port: e.network?.port ?? 0,
    protocol: str(e.network?.protocol),
    family: str(e.network?.family)
  }),
  unix_socket_connect: (e, process2) => ({
    process: process2,
    path: str(e.unix_socket?.path),
    socket_type: str(e.unix_socket?.socket_type ?? "unknown"),
    is_abstract: e.unix_socket?.path.startsWith("@") === true
  }),
  file_open: (e, process2) => new FileOpenVars(e, process2),
  file_remove: (e, process2) => ({ process: process2, path: str(e.file?.path), is_folder: e.file?.is_dir === true || e.file?.directory === true }),
  file_move: (e, process2) => ({ process: process2, from_path: str(e.file?.path), to_path: str(e.file?.target_path) }),
  file_link: (e, process2) => ({
    process: process2,
    created_path: str(e.file?.target_path),
    existing_path: str(e.file?.path),
    is_hardlink: e.file?.link_type === "hard",
    is_symlink: e.file?.link_type === "symbolic"
  }),
  mount: (e, process2) => ({ process: process2, source_path: str(e.mount?.source), target_path: str(e.mount?.target) }),
  domain: (e, process2) => ({ process: process2, domain: str(e.domain?.name).replace(/\.$/, ""), source: str(e.domain?.source) }),
  http_request: (e, process2) => ({
    process: process2,
    method: str(e.http?.method),
    path: str(e.http?.path?.split("?")[0]),
    host: str(e.http?.host),
    source: str(e.http?.source)
  }),
  process_access: (e, process2) => ({
    process: process2,
    operation: str(e.access?.operation),
    request: str(e.access?.request),
    is_write: e.access?.write === true,
    target: {
      ...procVars(e.access?.target.exec_path ?? "", e.access?.target.argv),
      in_job: e.access?.target.in_job === true
    }
  })
};
function activationOf(e, type) {
  return FILL[type](e, processVars(e.process));
}

// src/rules/engine.ts
var NOTHING = Object.freeze({ findings: Object.freeze([]), terminate: false });
var JobState = class {
  /** hits per rule index */
  counts;
  /** per rule index: 1 applies to this job's repository, 0 does not */
  active;
  /** correlation rules that fired */
  fired = /* @__PURE__ */ new Set();
  constructor(book, event, providerHost2) {
    this.counts = new Array(book.slots).fill(0);
    this.active = new Uint8Array(book.slots);
    const repo = { providerHost: providerHost2, path: event.job.repository };
    for (const rule2 of book.rules) this.active[rule2.index] = appliesTo(rule2.target, repo) ? 1 : 0;
  }
};
var RuleEngine = class {
  constructor(book, opts = {}) {
    this.book = book;
    this.providerHost = opts.providerHost ?? "github.com";
  }
  book;
  jobs = /* @__PURE__ */ new Map();
  /** exists() iteration slots, reused: evaluation is synchronous */
  frame = [];
  providerHost;
  evaluate(event) {
    const kind = event.kind;
    const rules2 = isRuleEventType(kind) ? this.book.byEventType.get(kind) : void 0;
    if (rules2 === void 0) return NOTHING;
    const state = this.stateOf(event);
    const activation = activationOf(event, kind);
    let out;
    for (const rule2 of rules2) {
      if (state.active[rule2.index] === 0 || !this.hit(rule2, activation)) continue;
      out ??= { findings: [], terminate: false };
      this.record(rule2, event, state, out);
    }
    return out ?? NOTHING;
  }
  /** Forgets a job's counts and fired correlations (at unregister). */
  release(jobId2) {
    this.jobs.delete(jobId2);
  }
  get jobCount() {
    return this.jobs.size;
  }
  stateOf(event) {
    let state = this.jobs.get(event.job.id);
    if (state === void 0) {
      state = new JobState(this.book, event, this.providerHost);
      this.jobs.set(event.job.id, state);
    }
    return state;
  }
  hit(rule2, activation) {
    const f = this.frame;
    if (rule2.condition(activation, f) !== true) return false;
    for (const exception of rule2.exceptions) if (exception(activation, f) === true) return false;
    return true;
  }
  record(rule2, event, state, out) {
    const count = ++state.counts[rule2.index];
    if (rule2.action === "terminate") out.terminate = true;
    if (count <= rule2.maxAlerts) out.findings.push(findingOf(rule2, event));
    for (const corr of this.book.correlationsOf.get(rule2.index) ?? []) {
      if (state.active[corr.index] === 0 || state.fired.has(corr.index)) continue;
      if (corr.condition(state.counts, this.frame) !== true) continue;
      state.fired.add(corr.index);
      this.record(corr, event, state, out);
    }
  }
};

// src/rules/ruleStage.ts
import { join as join9 } from "node:path";

// src/findings/ndjson.ts
import { writeFileSync as writeFileSync5 } from "node:fs";
function findingsNdjson(findings) {
  return findings.map((f) => `${JSON.stringify(f)}
`).join("");
}
function writeFindingsNdjson(path, findings) {
  writeFileSync5(path, findingsNdjson(findings));
}

// src/rules/terminate.ts
import { readFileSync as readFileSync6 } from "node:fs";
var CLOCK_TICKS = 100;
var START_SLACK_MS = 1500;
var procStat = (pid) => readProcStat(pid);
function bootTimeMs() {
  try {
    const line = readFileSync6("/proc/stat", "latin1").split("\n").find((l) => l.startsWith("btime "));
    return line ? Number(line.slice(6)) * 1e3 : void 0;
  } catch {
    return void 0;
  }
}
function sameProcess(stat, startTime) {
  const boot = bootTimeMs();
  const expected = startTime ? Date.parse(startTime) : NaN;
  if (boot === void 0 || Number.isNaN(expected)) return true;
  return Math.abs(boot + stat.startTicks * 1e3 / CLOCK_TICKS - expected) <= START_SLACK_MS;
}
var ownGroup = () => procStat(process.pid)?.pgid;
function killProcess(pid, startTime) {
  const stat = procStat(pid);
  if (!stat) return { killed: false, detail: `pid ${pid} had already exited` };
  if (!sameProcess(stat, startTime)) return { killed: false, detail: `pid ${pid} had exited (its number is now another process's)` };
  try {
    process.kill(pid, "SIGKILL");
  } catch (err) {
    return { killed: false, detail: `SIGKILL to pid ${pid} failed: ${err.message}` };
  }
  if (stat.pgid !== pid || stat.pgid === ownGroup()) return { killed: true, detail: `SIGKILL to pid ${pid}` };
  try {
    process.kill(-stat.pgid, "SIGKILL");
    return { killed: true, detail: `SIGKILL to pid ${pid} and its process group` };
  } catch {
    return { killed: true, detail: `SIGKILL to pid ${pid} (its process group was already gone)` };
  }
}

// src/rules/ruleStage.ts
var FINDINGS_FILE = "findings.ndjson";
var LATE = { kind: "none", detail: "the rule was loaded after this event (by the action's main step)" };
var findingKey = (f) => `${f.ruleset_id}\0${f.rule_id}\0${f.seq}`;
var RuleStage = class {
  constructor(engine, kill = killProcess) {
    this.engine = engine;
    this.kill = kill;
  }
  engine;
  kill;
  found = [];
  jobId;
  /**
   * Evaluates the job's events so far (from its log, in order) with a new
   * engine, which then takes over. Past events are not acted on again: the
   * processes are gone or were dealt with; a finding that was acted on keeps
   * its response, a terminate finding new to the replay says it came late.
   */
  reload(engine, replay) {
    const responses = new Map(this.found.filter((f) => f.response).map((f) => [findingKey(f), f.response]));
    if (this.jobId !== void 0) this.engine.release(this.jobId);
    this.engine = engine;
    this.found = [];
    replay((event) => {
      this.jobId ??= event.job.id;
      for (const f of engine.evaluate(event).findings) {
        const response = responses.get(findingKey(f)) ?? (f.action === "terminate" ? LATE : void 0);
        this.found.push(response ? { ...f, response } : f);
      }
    });
  }
  onEvent(event) {
    this.jobId ??= event.job.id;
    const result = this.engine.evaluate(event);
    if (result.findings.length === 0 && !result.terminate) return;
    const outcome = result.terminate ? this.kill(event.process.pid, event.process.start_time) : void 0;
    for (const f of result.findings) {
      const finding = f.action === "terminate" && outcome ? { ...f, response: { kind: outcome.killed ? "killed" : "none", detail: outcome.detail } } : f;
      this.found.push(finding);
    }
  }
  /** The findings so far, in the order they were found. */
  get findings() {
    return this.found;
  }
  finish(end) {
    writeFindingsNdjson(join9(end.dir, FINDINGS_FILE), this.found);
    if (this.jobId !== void 0) this.engine.release(this.jobId);
  }
};

// src/rules/sources.ts
function bookFromSources(sources, opts = {}) {
  const problems = [];
  const files = sources.map((s) => parseRuleFile(s.name, s.text, problems));
  return buildRuleBook(files, opts, problems);
}

// src/rules/jobRules.ts
function providerHost(env = process.env) {
  try {
    return new URL(env.GITHUB_SERVER_URL ?? "https://github.com").host;
  } catch {
    return "github.com";
  }
}
function engineFromPayload(p) {
  return new RuleEngine(bookFromSources(p.sources, { monitorMode: p.monitorMode }), { providerHost: providerHost() });
}

// src/report/logReader.ts
import { closeSync as closeSync3, openSync as openSync3, readSync as readSync2 } from "node:fs";
var MID = SHARED_START;
var PROCESS2 = PROCESS_START;
var TAILS = PAYLOAD_STARTS;
var RecentParts = class {
  constructor(size) {
    this.size = size;
  }
  size;
  texts = [];
  values = [];
  next = 0;
  /** The value of line[start, end) as JSON (wrapped in braces for a run of fields). */
  get(line, start, end, wrap = false) {
    const text2 = line.slice(start, end);
    for (let i = 0; i < this.texts.length; i++) if (this.texts[i] === text2) return this.values[i];
    const value = JSON.parse(wrap ? `{${text2}}` : text2);
    this.texts[this.next] = text2;
    this.values[this.next] = value;
    this.next = (this.next + 1) % this.size;
    return value;
  }
};
var EventLineParser = class {
  heads = new RecentParts(4);
  processes = new RecentParts(8);
  /** The event on one line; throws SyntaxError like JSON.parse on a broken one. */
  parse(line) {
    const mid = line.indexOf(MID);
    const proc = mid < 0 ? -1 : line.indexOf(PROCESS2, mid);
    if (proc < 0 || !line.endsWith("}")) return JSON.parse(line);
    const procStart = proc + PROCESS2.length;
    let procEnd = line.length - 1;
    for (const tail of TAILS) {
      const at = line.lastIndexOf(tail);
      if (at > procStart) {
        procEnd = at;
        break;
      }
    }
    try {
      const event = JSON.parse(line.slice(0, mid) + line.slice(procEnd));
      const fields = this.heads.get(line, mid + 1, proc, true);
      for (const key in fields) event[key] = fields[key];
      event.process = this.processes.get(line, procStart, procEnd);
      return event;
    } catch {
      return JSON.parse(line);
    }
  }
};
function forEachLine(path, onLine) {
  const fd = openSync3(path, "r");
  let buf = Buffer.allocUnsafe(8 << 20);
  let have = 0;
  try {
    for (; ; ) {
      if (have === buf.length) buf = Buffer.concat([buf, Buffer.allocUnsafe(buf.length)]);
      const got = readSync2(fd, buf, have, buf.length - have, null);
      if (got === 0) break;
      have += got;
      let start = 0;
      for (let nl = buf.indexOf(10, start); nl >= 0 && nl < have; nl = buf.indexOf(10, start)) {
        if (nl > start) onLine(buf.toString("utf8", start, nl));
        start = nl + 1;
      }
      buf.copy(buf, 0, start, have);
      have -= start;
    }
    if (have > 0) onLine(buf.toString("utf8", 0, have));
  } finally {
    closeSync3(fd);
  }
}

// src/rules/replay.ts
function replayLog(path, visit) {
  const parser = new EventLineParser();
  let unreadable = 0;
  forEachLine(path, (line) => {
    let event;
    try {
      event = parser.parse(line);
    } catch {
      unreadable++;
      return;
    }
    visit(event);
  });
  return unreadable;
}

// src/daemon/jobCgroup.ts
import { existsSync as existsSync7, readdirSync, readFileSync as readFileSync7, rmdirSync as rmdirSync2 } from "node:fs";
import { join as join10 } from "node:path";
var JobCgroupError = class extends Error {
};
var comm = (pid) => {
  try {
    return readFileSync7(`/proc/${pid}/comm`, "utf8").trim();
  } catch {
    return void 0;
  }
};
var parentPid = (pid) => readProcStat(pid)?.ppid;
function findRunnerWorker(pid) {
  for (let p = pid, depth = 0; p && p > 1 && depth < 64; p = parentPid(p), depth++) {
    if (comm(p) === "Runner.Worker") return p;
  }
  return void 0;
}
function subtree(pid) {
  const children = /* @__PURE__ */ new Map();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const ppid = parentPid(Number(name));
    if (ppid !== void 0) children.set(ppid, [...children.get(ppid) ?? [], Number(name)]);
  }
  const out = [];
  const queue = [pid];
  while (queue.length) {
    const p = queue.shift();
    out.push(p);
    queue.push(...children.get(p) ?? []);
  }
  return out;
}
function cgroupOf(pid, root) {
  const rel = processCgroup(pid);
  if (rel === void 0) throw new JobCgroupError(`process ${pid} does not exist or has no cgroup v2 membership`);
  if (rel === "/") {
    throw new JobCgroupError(`process ${pid} is in the root cgroup; refusing to track the whole host`);
  }
  return join10(root, rel);
}
function isolateWorker(worker, root, jobId2) {
  const rel = processCgroup(worker);
  if (rel === void 0) throw new JobCgroupError(`Runner.Worker (pid ${worker}) has no cgroup v2 membership`);
  const current = join10(root, rel);
  const pids = subtree(worker).filter((p) => processCgroup(p) === processCgroup(worker));
  let target2;
  try {
    target2 = createCgroup(current, `cicd-sensor-${jobId2}`);
    for (const pid of pids) {
      try {
        moveProcess(target2, pid);
      } catch (err) {
        if (pid === worker) throw err;
      }
    }
    return { path: target2, workerPid: worker, isolated: true, pids };
  } catch (err) {
    if (target2) {
      try {
        rmdirSync2(target2);
      } catch {
      }
    }
    const why = err instanceof Error ? err.message : String(err);
    if (rel === "/") throw new JobCgroupError(`Runner.Worker could not be moved out of the root cgroup (${why}); refusing to track the whole host`);
    return {
      path: current,
      workerPid: worker,
      isolated: false,
      note: `Runner.Worker could not be moved into a cgroup of its own (${why}); its whole cgroup is tracked, so other runner processes in it are recorded too`,
      pids: subtree(worker)
    };
  }
}
function chooseJobCgroup(req, root, jobId2) {
  if (req.cgroup !== void 0) {
    const path2 = req.cgroup.startsWith(root) ? req.cgroup : join10(root, req.cgroup);
    if (path2 === root || path2 === `${root}/`) throw new JobCgroupError("refusing to track the root cgroup (the whole host)");
    if (!existsSync7(join10(path2, "cgroup.procs"))) throw new JobCgroupError(`${path2} is not a cgroup v2 directory`);
    return { path: path2, isolated: false, pids: cgroupProcs(path2) };
  }
  const pid = req.pid;
  const worker = findRunnerWorker(pid);
  if (worker !== void 0) return isolateWorker(worker, root, jobId2);
  const path = cgroupOf(pid, root);
  return { path, isolated: false, pids: cgroupProcs(path) };
}

// src/daemon/jobs.ts
var JobManager = class {
  constructor(stateDir, recorder, owner) {
    this.stateDir = stateDir;
    this.recorder = recorder;
    this.owner = owner;
  }
  stateDir;
  recorder;
  owner;
  choices = /* @__PURE__ */ new Map();
  ruleStages = /* @__PURE__ */ new Map();
  giveToOwner(...paths) {
    if (!this.owner) return;
    for (const p of paths) if (existsSync8(p)) chownSync3(p, this.owner.uid, this.owner.gid);
  }
  ids() {
    return [...this.choices.keys()];
  }
  /** protect: the job may not read or trace its Runner.Worker or the sensor (protect-runner); rules: the text of its rule files. */
  register(identity3, target2, notes3 = [], protect = false, rules2) {
    if (this.choices.has(identity3.id)) throw new Error(`job ${identity3.id} is already registered`);
    const stage = rules2 ? new RuleStage(engineFromPayload(rules2)) : void 0;
    const choice = chooseJobCgroup(target2, this.recorder.cgroupRoot, identity3.id);
    const dir = join11(this.stateDir, "jobs", identity3.id);
    mkdirSync2(dir, { recursive: true, mode: 448 });
    rmSync6(join11(dir, "job.json"), { force: true });
    const recording = this.recorder.begin({
      identity: identity3,
      dir,
      cgroups: [{ id: cgroupId(choice.path), path: choice.path }],
      workerPid: choice.workerPid,
      protectPids: protect ? [process.pid, ...choice.workerPid !== void 0 ? [choice.workerPid] : []] : [],
      pids: choice.pids,
      workspace: process.env.GITHUB_WORKSPACE,
      notes: [...choice.note ? [choice.note] : [], ...notes3],
      stages: stage ? [stage] : []
    });
    this.giveToOwner(join11(this.stateDir, "jobs"), dir, recording.eventsPath);
    this.choices.set(identity3.id, choice);
    if (stage) this.ruleStages.set(identity3.id, stage);
    return {
      id: identity3.id,
      cgroup: choice.path,
      isolated: choice.isolated,
      note: choice.note,
      workerPid: choice.workerPid,
      events: recording.eventsPath
    };
  }
  /**
   * New rules for a registered job (the repository's, once its main step ran
   * after checkout): its events so far are replayed through them from its
   * log, and they judge the events to come. Returns the findings so far.
   */
  setRules(id, rules2) {
    const stage = this.ruleStages.get(id);
    const recording = this.recorder.get(id);
    if (!stage || !recording) throw new Error(`job ${id} is not registered with rules`);
    const engine = engineFromPayload(rules2);
    recording.flush();
    stage.reload(engine, (visit) => replayLog(recording.eventsPath, visit));
    return stage.findings.length;
  }
  /** Call after the ring buffer is drained: nothing of the job is left in flight. */
  unregister(id, endedBy = "unregister") {
    const choice = this.choices.get(id);
    if (!choice) throw new Error(`no job ${id} is registered`);
    this.choices.delete(id);
    this.ruleStages.delete(id);
    const recording = this.recorder.get(id);
    recording.end();
    this.undoIsolation(choice);
    const done = this.recorder.finish(id);
    const marker = { job: recording.identity, startedAt: done.startedAt, endedAt: done.endedAt, endedBy, delivered: done.delivered, cgroup: choice.path };
    writeFileSync6(join11(recording.dir, "job.json"), JSON.stringify(marker, null, 2) + "\n");
    this.giveToOwner(done.summary, done.report, join11(recording.dir, "job.json"), join11(recording.dir, FINDINGS_FILE));
    return { id, dir: recording.dir, delivered: done.delivered, events: done.events, summary: done.summary, report: done.report };
  }
  /** Puts an isolated worker back where it was and removes the job's cgroup. */
  undoIsolation(choice) {
    if (!choice.isolated || !existsSync8(choice.path)) return;
    const parent = join11(choice.path, "..");
    for (const pid of cgroupProcs(choice.path)) {
      try {
        moveProcess(parent, pid);
      } catch {
      }
    }
    try {
      rmdirSync3(choice.path);
    } catch {
    }
  }
};

// src/daemon/daemon.ts
var JOB_MAX_AGE_MS = 24 * 3600 * 1e3;
var TICK_MS = 1e3;
var STAGING_MAX_AGE_MS = 3600 * 1e3;
var DaemonStartError = class extends Error {
};
function isolateSelf(cgroupRoot) {
  removeDeadDaemonCgroups(join12(cgroupRoot, "cicd-sensor"));
  const own = createCgroup(cgroupRoot, `cicd-sensor/daemon-${process.pid}`);
  moveProcess(own, process.pid);
  return own;
}
function socketOwner() {
  const uid = Number(process.env.SUDO_UID);
  const gid = Number(process.env.SUDO_GID);
  return Number.isInteger(uid) && Number.isInteger(gid) && process.env.SUDO_UID ? { uid, gid } : void 0;
}
var Daemon = class {
  constructor(opts, sensor, plan, cgroupRoot) {
    this.opts = opts;
    this.recorder = new Recorder(sensor, plan, cgroupRoot, opts.ringbufBytes);
    this.jobs = new JobManager(opts.stateDir, this.recorder, socketOwner());
  }
  opts;
  recorder;
  jobs;
  startedAt = (/* @__PURE__ */ new Date()).toISOString();
  server;
  ticker;
  stopRequested;
  stopped = new Promise((resolve2) => this.stopRequested = resolve2);
  get tracker() {
    return this.recorder.tracker;
  }
  get docker() {
    return this.recorder.docker;
  }
  async start() {
    const docker = { socketDir: this.opts.stateDir, upstream: this.opts.dockerUpstream, interpose: this.opts.interposeDocker, log: this.opts.log };
    await this.recorder.start(this.opts.dockerProxy ? docker : void 0);
    this.server = await listenControl({
      path: controlSocketPath(this.opts.stateDir),
      handler: (req) => this.handle(req),
      owner: socketOwner(),
      onError: (err) => this.opts.log.error(`control socket: ${err.message}`)
    });
    this.ticker = setInterval(() => this.tick(), TICK_MS);
  }
  tick() {
    this.tracker.reconcile();
    this.tracker.expireStaging(STAGING_MAX_AGE_MS);
    for (const id of this.tracker.staleJobs(JOB_MAX_AGE_MS)) {
      this.opts.log.warn(`job ${id} was never unregistered; closing it after 24 h`);
      this.jobs.unregister(id, "expired after 24 h");
    }
  }
  async handle(req) {
    switch (req.op) {
      case "register": {
        const result = this.jobs.register(req.job, { pid: req.pid, cgroup: req.cgroup }, req.notes, req.protect === true, req.rules);
        this.opts.log.info(`registered job ${req.job.id} on ${result.cgroup}`);
        const docker = this.docker ? { dockerHost: `unix://${this.docker.proxyPath}` } : {};
        return { ok: true, ...result, ...docker };
      }
      case "unregister": {
        await this.recorder.pump.settle();
        const result = this.jobs.unregister(req.id);
        this.opts.log.info(`unregistered job ${req.id} (${result.delivered} events)`);
        return { ok: true, ...result };
      }
      case "rules": {
        const findings = this.jobs.setRules(req.id, req.rules);
        this.opts.log.info(`job ${req.id}: ${req.rules.sources.length} rule file(s) loaded, ${findings} finding(s) so far`);
        return { ok: true, findings };
      }
      case "stats":
        return { ok: true, ...this.stats() };
      case "stop":
        setImmediate(() => this.stopRequested());
        return { ok: true, stopping: true };
    }
  }
  stats() {
    const status = this.recorder.status();
    return {
      pid: process.pid,
      startedAt: this.startedAt,
      plan: status.plan,
      hooks: status.hooks,
      lostRecords: status.lostRecords,
      undecodable: status.undecodable,
      unattributed: this.tracker.counts.unattributed,
      ownerless: this.tracker.counts.ownerless,
      linksAlive: this.recorder.sensor.linksAlive(),
      processes: this.tracker.processCount(),
      mirror: this.tracker.mirrorSizes(),
      maps: this.recorder.sensor.mapIds(),
      jobs: this.jobs.ids().map((id) => ({ id, delivered: this.tracker.delivered(id) })),
      docker: this.docker ? { proxy: this.docker.proxyPath, upstream: this.docker.upstream, interposed: this.docker.interposition?.defaultPath ?? null } : null
    };
  }
  requestStop() {
    this.stopRequested();
  }
  /** Drains the kernel, closes every job with its report, detaches. */
  async shutdown(reason) {
    if (this.ticker) clearInterval(this.ticker);
    this.server?.close();
    await this.recorder.stop();
    for (const id of this.jobs.ids()) {
      try {
        this.jobs.unregister(id, reason);
      } catch (err) {
        this.opts.log.error(`closing job ${id}: ${err.message}`);
      }
    }
    this.recorder.sensor.close();
    rmSync7(controlSocketPath(this.opts.stateDir), { force: true });
  }
};
function removeDeadDaemonCgroups(parent) {
  let entries;
  try {
    entries = readdirSync2(parent);
  } catch {
    return;
  }
  for (const name of entries) {
    const pid = /^daemon-(\d+)$/.exec(name)?.[1];
    if (pid !== void 0 && !isLiveDaemon(Number(pid))) removeIfUnused(join12(parent, name));
  }
}
function leaveOwnCgroup(own) {
  try {
    moveProcess(join12(own, "..", ".."), process.pid);
    rmdirSync4(own);
    removeIfUnused(join12(own, ".."));
  } catch {
  }
}
async function runDaemon(opts) {
  mkdirSync3(join12(opts.stateDir, "jobs"), { recursive: true, mode: 448 });
  chmodSync3(opts.stateDir, 457);
  acquireInstance(opts.stateDir);
  let ownCgroup;
  try {
    const started = startSensor(opts.ringbufBytes, opts.noFunctionHooks);
    if (!started.ok) throw new DaemonStartError(`cannot monitor: ${started.reason}`);
    ownCgroup = isolateSelf(started.cgroupRoot);
    const daemon = new Daemon(opts, started.sensor, started.plan, started.cgroupRoot);
    await daemon.start();
    let reason = "daemon stopped";
    const onSignal = (signal) => {
      reason = `daemon stopped by ${signal}`;
      daemon.requestStop();
    };
    process.on("SIGTERM", onSignal);
    process.on("SIGINT", onSignal);
    writeFileSync7(join12(opts.stateDir, "ready"), JSON.stringify({ pid: process.pid, cgroup: ownCgroup }) + "\n");
    opts.log.info(`ready: pid ${process.pid}, cgroup ${ownCgroup}`);
    opts.onReady({ pid: process.pid, socket: controlSocketPath(opts.stateDir) });
    await daemon.stopped;
    opts.log.info(`stopping: ${reason}`);
    await daemon.shutdown(reason);
    opts.log.info("stopped");
    return 0;
  } finally {
    rmSync7(join12(opts.stateDir, "ready"), { force: true });
    if (ownCgroup) leaveOwnCgroup(ownCgroup);
    releaseInstance(opts.stateDir);
  }
}

// src/daemon/log.ts
import { appendFileSync, readFileSync as readFileSync8 } from "node:fs";
function fileLogger(path, echo = false) {
  const write = (level, message) => {
    const line = `${(/* @__PURE__ */ new Date()).toISOString()} ${level} ${message}
`;
    try {
      appendFileSync(path, line);
    } catch {
    }
    if (echo) process.stderr.write(line);
  };
  return {
    info: (m) => write("info", m),
    warn: (m) => write("warn", m),
    error: (m) => write("error", m)
  };
}

// src/daemon/options.ts
var DEFAULT_STATE_DIR = "/run/cicd-sensor";
var DEFAULT_RINGBUF_BYTES = 16 << 20;
var defaultDaemonOptions = (over = {}) => ({
  stateDir: DEFAULT_STATE_DIR,
  detach: false,
  ringbufBytes: DEFAULT_RINGBUF_BYTES,
  noFunctionHooks: false,
  dockerProxy: true,
  interposeDocker: false,
  ...over
});
var DAEMON_SPEC = {
  "--state-dir": "dir",
  "--detach": "flag",
  "--ringbuf-size": "ringbuf",
  "--no-function-hooks": "flag",
  "--no-docker-proxy": "flag",
  "--docker-upstream": "string",
  "--interpose-docker": "flag"
};
function parseDaemonOptions(args) {
  const { values, help } = scan(args, DAEMON_SPEC, false);
  if (help) return void 0;
  return defaultDaemonOptions({
    stateDir: values.get("--state-dir") ?? DEFAULT_STATE_DIR,
    detach: values.has("--detach"),
    ringbufBytes: values.get("--ringbuf-size") ?? DEFAULT_RINGBUF_BYTES,
    noFunctionHooks: values.has("--no-function-hooks"),
    dockerProxy: !values.has("--no-docker-proxy"),
    dockerUpstream: values.get("--docker-upstream"),
    interposeDocker: values.has("--interpose-docker")
  });
}

// src/daemon/main.ts
function tell(line) {
  try {
    process.stdout.write(`${line}
`);
  } catch {
  }
}
async function trackerMain(argv) {
  let opts;
  try {
    opts = parseDaemonOptions(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    tell(`error: ${err.message}`);
    return 2;
  }
  if (!opts) {
    tell("error: usage: tracker.js [--state-dir DIR] [--ringbuf-size BYTES] [--no-function-hooks]");
    return 2;
  }
  return daemonMain(opts);
}
async function daemonMain(opts) {
  const log = fileLogger(join13(opts.stateDir, "daemon.log"), !opts.detach && process.stderr.isTTY);
  try {
    return await runDaemon({
      ...opts,
      log,
      onReady: ({ pid, socket }) => tell(`ready pid=${pid} socket=${socket}`)
    });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    log.error(message);
    tell(`error: ${message}`);
    return err instanceof AlreadyRunning ? 4 : 3;
  }
}

// src/tracker.ts
process.exit(await trackerMain(process.argv.slice(2)));
