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
    var isMap4 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar4 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq4 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
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
    var hasAnchor = (node) => (isScalar4(node) || isCollection(node)) && !!node.anchor;
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
    exports.isMap = isMap4;
    exports.isNode = isNode;
    exports.isPair = isPair;
    exports.isScalar = isScalar4;
    exports.isSeq = isSeq4;
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
      add(line2, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line2.trim().split(/[ \t]+/);
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
        const lines2 = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
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
            lines2.push(`%TAG ${handle} ${prefix}`);
        }
        return lines2.join("\n");
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
    function applyReviver(reviver2, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver2, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver2, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver2, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver2, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver2.call(obj, key, val);
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
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver: reviver2 } = {}) {
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
          for (const { count: count3, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count3);
        return typeof reviver2 === "function" ? applyReviver.applyReviver(reviver2, { "": res }, "", res) : res;
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
        let count3 = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count3)
            count3 = c;
        }
        return count3;
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
    function foldFlowLines(text3, indent, mode2 = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text3;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text3.length <= endStep)
        return text3;
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
      if (mode2 === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text3, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text3[i += 1]; ) {
        if (mode2 === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text3[i + 1]) {
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
          if (mode2 === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text3, i, indent.length);
          end = i + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text3[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode2 === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text3[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text3;
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
        return text3;
      if (onFold)
        onFold();
      let res = text3.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold2 = folds[i2];
        const end2 = folds[i2 + 1] || text3.length;
        if (fold2 === 0)
          res = `
${indent}${text3.slice(0, end2)}`;
        else {
          if (mode2 === FOLD_QUOTED && escapedFolds[fold2])
            res += `${text3[fold2]}\\`;
          res += `
${indent}${text3.slice(fold2 + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text3, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text3[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text3[++i];
        } else {
          do {
            ch = text3[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text3[start];
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
                const code2 = json.substr(i + 2, 4);
                switch (code2) {
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
                    if (code2.substr(0, 2) === "00")
                      str2 += "\\x" + code2.substr(2);
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
      let header3 = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header3 += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
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
          return `>${header3}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header3}
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
      const lines2 = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity3.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines2.push("");
          addCommentBefore(ctx, lines2, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity3.isPair(item)) {
          const ik = identity3.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines2.push("");
            addCommentBefore(ctx, lines2, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str3 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str3 += stringifyComment.lineComment(str3, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines2.push(blockItemPrefix + str3);
      }
      let str2;
      if (lines2.length === 0) {
        str2 = flowChars.start + flowChars.end;
      } else {
        str2 = lines2[0];
        for (let i = 1; i < lines2.length; ++i) {
          const line2 = lines2[i];
          str2 += line2 ? `
${indent}${line2}` : "\n";
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
      const lines2 = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity3.isNode(item)) {
          if (item.spaceBefore)
            lines2.push("");
          addCommentBefore(ctx, lines2, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity3.isPair(item)) {
          const ik = identity3.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines2.push("");
            addCommentBefore(ctx, lines2, ik.commentBefore, false);
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
        reqNewline || (reqNewline = lines2.length > linesAtValue || str2.includes("\n"));
        if (i < items.length - 1) {
          str2 += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines2.reduce((sum, line2) => sum + line2.length + 2, 2) + (str2.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str2 += ",";
          }
        }
        if (comment)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment));
        lines2.push(str2);
        linesAtValue = lines2.length;
      }
      const { start, end } = flowChars;
      if (lines2.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines2.reduce((sum, line2) => sum + line2.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str2 = start;
          for (const line2 of lines2)
            str2 += line2 ? `
${indentStep}${indent}${line2}` : "\n";
          return `${str2}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines2.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines2, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines2.push(ic.trimStart());
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
      const num2 = typeof value === "number" ? value : Number(value);
      if (!isFinite(num2))
        return isNaN(num2) ? ".nan" : num2 < 0 ? "-.inf" : ".inf";
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
        const num2 = Number(node.value);
        return isFinite(num2) ? num2.toExponential() : stringifyNumber.stringifyNumber(node);
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
          const lines2 = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines2[i] = str2.substr(o, lineWidth);
          }
          str2 = lines2.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
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
        const num2 = Number(node.value);
        return isFinite(num2) ? num2.toExponential() : stringifyNumber.stringifyNumber(node);
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
      const num2 = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num2(60) + num2(p), num2(0));
      return sign === "-" ? num2(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num2 = (n) => n;
      if (typeof value === "bigint")
        num2 = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num2(-1);
      }
      const _60 = num2(60);
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
      const lines2 = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines2.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines2.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines2.length !== 1)
          lines2.unshift("");
        const cs = commentString(doc.commentBefore);
        lines2.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity3.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines2.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines2.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines2[lines2.length - 1] === "---") {
          lines2[lines2.length - 1] = `--- ${body}`;
        } else
          lines2.push(body);
      } else {
        lines2.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines2.push("...");
            lines2.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines2.push(`... ${cs}`);
          }
        } else {
          lines2.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines2[lines2.length - 1] !== "")
            lines2.push("");
          lines2.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines2.join("\n") + "\n";
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
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver: reviver2 } = {}) {
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
          for (const { count: count3, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count3);
        return typeof reviver2 === "function" ? applyReviver.applyReviver(reviver2, { "": res }, "", res) : res;
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
    function assertCollection(contents2) {
      if (identity3.isCollection(contents2))
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
      constructor(name, pos, code2, message) {
        super();
        this.name = name;
        this.code = code2;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code2, message) {
        super("YAMLParseError", pos, code2, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code2, message) {
        super("YAMLWarning", pos, code2, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line: line2, col } = error.linePos[0];
      error.message += ` at line ${line2}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line2 - 1], lc.lineStarts[line2]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line2 > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line2 - 2], lc.lineStarts[line2 - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count3 = 1;
        const end = error.linePos[1];
        if (end?.line === line2 && end.col > col) {
          count3 = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count3);
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
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
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
      const isMap4 = fc.start.source === "{";
      const fcName = isMap4 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap4 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
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
          if (!isMap4 && ctx.options.strict && utilContainsNewline.containsNewline(key))
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
        if (!isMap4 && !sep && !props.found) {
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
            if (!isMap4 && !props.found && ctx.options.strict) {
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
          if (isMap4) {
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
      const expectedEnd = isMap4 ? "}" : "]";
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
      const header3 = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header3)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header3.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines2 = scalar.source ? splitLines(scalar.source) : [];
      let chompStart = lines2.length;
      for (let i = lines2.length - 1; i >= 0; --i) {
        const content = lines2[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header3.chomp === "+" && lines2.length > 0 ? "\n".repeat(Math.max(1, lines2.length - 1)) : "";
        let end2 = start + header3.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header3.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header3.indent;
      let offset = scalar.offset + header3.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines2[i];
        if (content === "" || content === "\r") {
          if (header3.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header3.indent === 0)
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
      for (let i = lines2.length - 1; i >= chompStart; --i) {
        if (lines2[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines2[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines2[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header3.indent ? "explicit indentation indicator" : "first line";
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
      switch (header3.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines2.length; ++i)
            value += "\n" + lines2[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header3.length + scalar.source.length;
      return { value, type, comment: header3.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict2, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode2 = source[0];
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
      return { mode: mode2, indent, chomp, comment, length };
    }
    function splitLines(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines2 = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines2.push([split[i], split[i + 1]]);
      return lines2;
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
      const _onError = (rel, code2, msg) => onError(offset + rel, code2, msg);
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
      const line2 = /(.*?)\r?\n/sy;
      let match = line2.exec(source);
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
      let pos = line2.lastIndex;
      while (match = line2.exec(source)) {
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
        pos = line2.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
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
      const code2 = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code2);
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
        this.onError = (source, code2, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code2, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code2, message));
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
        const _onError = (pos, code2, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code2, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code2, message);
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
            const header3 = token.props[0];
            if (header3.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header3.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
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
        const header3 = token.props[0];
        if (header3.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header3.source = head;
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
    var isScalar4 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
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
    exports.isScalar = isScalar4;
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
        let line2 = this.getLine();
        if (line2 === null)
          return this.setNext("stream");
        if (line2[0] === cst.BOM) {
          yield* this.pushCount(1);
          line2 = line2.substring(1);
        }
        if (line2[0] === "%") {
          let dirEnd = line2.length;
          let cs = line2.indexOf("#");
          while (cs !== -1) {
            const ch = line2[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line2.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line2[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line2.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line2.length - sp);
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
        const line2 = this.getLine();
        if (line2 === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line2[n]) {
          case "#":
            yield* this.pushCount(line2.length - n);
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
            yield* this.pushCount(line2.length - n);
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
        const line2 = this.getLine();
        if (line2 === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line2[0] !== "#" || indent === 0 && (line2.startsWith("---") || line2.startsWith("...")) && isEmpty(line2[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line2[0] === "]" || line2[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line2[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line2[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line2.length - n);
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
    var LineCounter3 = class {
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
    exports.LineCounter = LineCounter3;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list2, type) {
      for (let i = 0; i < list2.length; ++i)
        if (list2[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list2) {
      for (let i = 0; i < list2.length; ++i) {
        switch (list2[i].type) {
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
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
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
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
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
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
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
    function parseDocument3(source, options = {}) {
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
    function parse2(src, reviver2, options) {
      let _reviver = void 0;
      if (typeof reviver2 === "function") {
        _reviver = reviver2;
      } else if (options === void 0 && reviver2 && typeof reviver2 === "object") {
        options = reviver2;
      }
      const doc = parseDocument3(src, options);
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
    exports.parseDocument = parseDocument3;
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
import { dirname as dirname8, join as join19 } from "node:path";
import { fileURLToPath as fileURLToPath3 } from "node:url";

// src/options/argv.ts
var UsageError = class extends Error {
};
var missing = (flag3, kind) => new UsageError(`${flag3} needs ${kind === "dir" ? "a directory" : "a value"}`);
var powerOfTwo = (n) => n >= 4096 && n <= 1 << 30 && (n & n - 1) === 0;
function intArg(flag3, value, check2, what) {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || !check2(n)) {
    throw new UsageError(`${flag3}: '${value}' is not ${what}`);
  }
  return n;
}
function convert(flag3, kind, value) {
  switch (kind) {
    case "ringbuf":
      return intArg(flag3, value, powerOfTwo, "a power of two between 4096 and 1073741824");
    case "rows":
      return intArg(flag3, value, (n) => n >= 1 && n <= 1e4, "a number from 1 to 10000");
    case "pid":
      return intArg(flag3, value, (n) => n >= 1 && n <= 4194304, "a process id");
    case "list":
      if (!value || value.startsWith("-")) throw missing(flag3, kind);
      return value;
    default:
      if (!value) throw missing(flag3, kind);
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
    const flag3 = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : void 0;
    const kind = spec[flag3];
    if (!kind) throw new UsageError(`unknown option '${arg}'`);
    if (kind === "flag") {
      if (inline !== void 0) throw new UsageError(`${flag3} takes no value`);
      values.set(flag3, true);
      continue;
    }
    const value = inline ?? args[++i];
    if (value === void 0) throw missing(flag3, kind);
    const converted = convert(flag3, kind, value);
    const before = values.get(flag3);
    values.set(flag3, kind === "list" && typeof before === "string" ? `${before}\0${converted}` : converted);
  }
  return { values, rest: args.slice(i), help: false };
}

// src/daemon/codePrune.ts
import { lstatSync as lstatSync2, readdirSync, readFileSync, readlinkSync, renameSync } from "node:fs";
import { rm } from "node:fs/promises";
import { basename, dirname as dirname2, join } from "node:path";

// src/platform/rootOnly.ts
import { lstatSync, realpathSync } from "node:fs";
import { dirname } from "node:path";
function rootOnly(path) {
  let current;
  try {
    current = realpathSync(path);
  } catch {
    return false;
  }
  for (; ; ) {
    const st = lstatSync(current);
    const sticky = st.isDirectory() && (st.mode & 512) !== 0;
    if (st.uid !== 0 || (st.mode & 18) !== 0 && !sticky) return false;
    if (current === "/") return true;
    current = dirname(current);
  }
}

// src/daemon/codePrune.ts
var KEEP_RECENT_COPIES = 2;
var STALE_PARTIAL_MS = 36e5;
var COPY_NAME = /^[0-9a-f]{64}$/;
function read(path, how) {
  try {
    return how(path);
  } catch {
    return void 0;
  }
}
function pathsInUse(procRoot = "/proc") {
  const paths2 = [];
  for (const pid of readdirSync(procRoot)) {
    if (!/^\d+$/.test(pid)) continue;
    const dir = join(procRoot, pid);
    for (const link of ["exe", "cwd"]) paths2.push(read(join(dir, link), readlinkSync) ?? "");
    for (const line2 of (read(join(dir, "maps"), (p) => readFileSync(p, "utf8")) ?? "").split("\n")) {
      const at = line2.indexOf("/");
      if (at > 0) paths2.push(line2.slice(at));
    }
    paths2.push(...(read(join(dir, "cmdline"), (p) => readFileSync(p, "utf8")) ?? "").split("\0"));
  }
  return paths2.filter(Boolean);
}
var inUse = (name, dir, used) => used.some((p) => p === dir || p.startsWith(dir + "/") || p.includes(name));
function copiesIn(base2) {
  const found = [];
  for (const name of readdirSync(base2)) {
    if (!COPY_NAME.test(name) && !name.startsWith(".copy.") && !name.startsWith(".prune.")) continue;
    const st = lstatSync2(join(base2, name));
    if (!st.isDirectory() || st.uid !== 0 || (st.mode & 18) !== 0) continue;
    found.push({ name, mtimeMs: st.mtimeMs });
  }
  return found.sort((a, b) => b.mtimeMs - a.mtimeMs);
}
function choosePrunable(base2, own, used, now = Date.now()) {
  const remove = [];
  const keep = [];
  let recent = 0;
  for (const c of copiesIn(base2)) {
    const dir = join(base2, c.name);
    const wanted = c.name.startsWith(".prune.") ? false : c.name.startsWith(".copy.") ? now - c.mtimeMs < STALE_PARTIAL_MS : c.name === own || recent++ < KEEP_RECENT_COPIES;
    (wanted || inUse(c.name, dir, used) ? keep : remove).push(dir);
  }
  return { remove, keep };
}
async function pruneCodeCopies(codeDir, log, procRoot = "/proc") {
  const base2 = dirname2(codeDir);
  const own = basename(codeDir);
  if (!COPY_NAME.test(own) || !rootOnly(base2)) return { removed: [], kept: [] };
  const { remove, keep } = choosePrunable(base2, own, pathsInUse(procRoot));
  const removed = [];
  for (const dir of remove) {
    const name = basename(dir);
    const aside = name.startsWith(".prune.") ? dir : join(base2, `.prune.${name}.${process.pid}`);
    try {
      if (aside !== dir) renameSync(dir, aside);
      await rm(aside, { recursive: true, force: true });
      removed.push(dir);
    } catch (err) {
      log.warn(`could not remove the old code copy ${dir}: ${err.message}`);
    }
  }
  if (removed.length) log.info(`removed ${removed.length} old code cop${removed.length === 1 ? "y" : "ies"}: ${removed.map((d) => basename(d)).join(", ")}`);
  return { removed, kept: keep };
}

// src/daemon/daemon.ts
import { chmodSync as chmodSync3, lstatSync as lstatSync5, mkdirSync as mkdirSync3, readdirSync as readdirSync4, rmdirSync as rmdirSync4, rmSync as rmSync9, writeFileSync as writeFileSync5 } from "node:fs";
import { memoryUsage } from "node:process";
import { join as join18 } from "node:path";

// src/platform/cgroup.ts
import { existsSync, mkdirSync, readFileSync as readFileSync2, rmdirSync, statSync, writeFileSync } from "node:fs";
import { join as join2 } from "node:path";
function cgroup2RootFromMounts(mounts) {
  for (const line2 of mounts.split("\n")) {
    const [, mountPoint, fsType] = line2.split(" ");
    if (fsType === "cgroup2" && mountPoint) return mountPoint.replace(/\\([0-7]{3})/g, (_, o) => String.fromCharCode(parseInt(o, 8)));
  }
  return void 0;
}
function cgroup2Root() {
  try {
    return cgroup2RootFromMounts(readFileSync2("/proc/mounts", "utf8"));
  } catch {
    return void 0;
  }
}
function cgroupId(path) {
  return statSync(path, { bigint: true }).ino;
}
function processCgroup(pid) {
  try {
    const line2 = readFileSync2(`/proc/${pid}/cgroup`, "utf8").split("\n").find((l) => l.startsWith("0::"));
    return line2?.slice(3);
  } catch {
    return void 0;
  }
}
function createCgroup(root, relative) {
  const path = join2(root, relative);
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
    return readFileSync2(join2(path, "cgroup.procs"), "utf8").split("\n").filter(Boolean).map(Number);
  } catch {
    return [];
  }
}
function moveProcess(path, pid) {
  writeFileSync(join2(path, "cgroup.procs"), `${pid}
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
  /** Where root keeps its copies of the sensor's code (src/action/codeCopy.ts); default /var/lib/cicd-sensor/code. */
  CodeDir: "CICD_SENSOR_CODE_DIR",
  /** Seconds to wait for the daemon to be ready. */
  ReadyTimeout: "CICD_SENSOR_READY_TIMEOUT",
  /** `cicd-sensor run`: print the kernel's whole message when the sensor cannot start. */
  Debug: "CICD_SENSOR_DEBUG",
  /** Print the attach plan as the native library returns it. */
  DebugPlan: "CICD_SENSOR_DEBUG_PLAN",
  /** `cicd-sensor run`: print where its time went (start, command, drain, report, and the sensor's load per instance). */
  DebugTiming: "CICD_SENSOR_DEBUG_TIMING",
  /** The directory holding sensor.bpf.o and lib/, instead of the bundle's own. */
  Assets: "CICD_SENSOR_ASSETS",
  /** Tests: a shorter floor (seconds) for the TTL of addresses a DNS answer allows (src/policy/kernelPolicy.ts). */
  PolicyTtlFloor: "CICD_SENSOR_POLICY_TTL_FLOOR",
  /**
   * Tests: hooks (comma-separated, e.g. network_connect) the egress policy
   * takes as not attached, so a block policy cannot be enforced (src/policy/enforce.ts).
   */
  DebugRefuseHooks: "CICD_SENSOR_DEBUG_REFUSE_HOOKS",
  /**
   * Tests: the priority ring's size in bytes (a power of two, at least 4096),
   * so a test can fill it: --ringbuf-size sets only the file records' ring.
   */
  DebugPriorityRingbuf: "CICD_SENSOR_DEBUG_PRIORITY_RINGBUF_SIZE",
  /**
   * Tests: the BPF loops run as plain bounded loops even where the kernel has
   * bpf_loop (read by native/load.c), so the path kernels before 5.17 take is
   * verified and run here.
   */
  DebugBoundedLoops: "CICD_SENSOR_DEBUG_BOUNDED_LOOPS",
  /** A file: the tracker's CPU profile from its sensor's load to its stop (src/platform/cpuProfile.ts). */
  DebugCpuProfile: "CICD_SENSOR_DEBUG_CPU_PROFILE",
  /**
   * Tests: the instance the optional hooks share is taken as refused (read
   * by native/plan.c), so the fallback that loads them one per instance,
   * which only a kernel refusing one of them reaches, runs here.
   */
  DebugSplitShared: "CICD_SENSOR_DEBUG_SPLIT_SHARED"
};
var DAEMON_ENV_VARS = [EnvVar.DebugPlan, EnvVar.PolicyTtlFloor, EnvVar.DebugRefuseHooks];

// src/kernel/layout.ts
var RECORDS_ABI = 4;
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
  MOUNT: 11,
  HTTP_REQUEST: 12,
  TAMPER: 13
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
  "mount",
  "http_request",
  "tamper"
];
var BULK_HOOKS = ["file_open", "file_remove", "file_move", "file_link"];
var Flag = {
  ARGV_TRUNCATED: 1 << 0,
  PATH_TRUNCATED: 1 << 1,
  PATH2_TRUNCATED: 1 << 2,
  CWD_TRUNCATED: 1 << 3,
  ANSWERS_TRUNCATED: 1 << 4,
  MEMFD: 1 << 5,
  EGRESS_DENIED: 1 << 6,
  EGRESS_BLOCKED: 1 << 7,
  IO_URING: 1 << 8
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
var HttpSource = { CLEARTEXT: 0, OPENSSL: 1 };
var TamperOp = { SIGNAL: 1, STOPPED: 2, TRACED: 3 };
var OFFSETS = {
  cs_header: { kind: 0, size: 2, pid: 4, tid: 8, flags: 12, time_ns: 16, cgroup_id: 24, start_time_ns: 32 },
  cs_exec: { ppid: 40, uid: 44, parent_start_time_ns: 48, path_len: 56, argv_len: 58, cwd_len: 60 },
  cs_fork: { ppid: 40, uid: 44, parent_start_time_ns: 48 },
  cs_exit: { exit_code: 40 },
  cs_cgroup: { id: 40, parent_id: 48, op: 56, name_len: 60 },
  cs_connect: { protocol: 40, family: 41, port: 42, via_sendmsg: 44, addr: 48 },
  cs_file_open: { open_flags: 40, access: 44, path_enc: 45, path_len: 46 },
  cs_file_op: { op: 40, op_flags: 44, path_len: 48, base_len: 50, path2_len: 52, base2_len: 54 },
  cs_unix_connect: { path_len: 40, sock_type: 42, peer_dev: 44, peer_ino: 48 },
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
  cs_http_request: { method_len: 40, path_len: 42, host_len: 44, port: 46, family: 48, path_cut: 49, source: 50, addr: 56 },
  cs_tamper: {
    stopped_ns: 40,
    stopped_total_ns: 48,
    tracer_start_time_ns: 56,
    op: 64,
    sig: 68,
    target_tid: 72,
    result: 76,
    tracer_pid: 80,
    count: 84
  },
  cs_lost_key: { pid: 0, start_time_ns: 8 },
  cs_lost_files: { cgroup_id: 0, opens: 8, ops: 16, comm: 24 },
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
  cs_unix_connect: 56,
  cs_domain: 72,
  cs_process_access: 64,
  cs_mount: 64,
  cs_http_request: 72,
  cs_tamper: 88,
  cs_lost_key: 16,
  cs_lost_files: 40
};

// src/native/assets.ts
import { existsSync as existsSync2 } from "node:fs";
import { dirname as dirname3, join as join3, resolve } from "node:path";
import { fileURLToPath } from "node:url";
function assetsDir() {
  const override = process.env[EnvVar.Assets];
  if (override) return resolve(override);
  const here = dirname3(fileURLToPath(import.meta.url));
  for (const candidate of [here, resolve(here, "../../dist")]) {
    if (existsSync2(join3(candidate, "lib", "libcicdsensor.so"))) return candidate;
  }
  throw new Error(`cicd-sensor assets not found next to ${here}; run 'npm run build'`);
}
var libraryPath = () => join3(assetsDir(), "lib", "libcicdsensor.so");
var bpfObjectPath = () => join3(assetsDir(), "sensor.bpf.o");

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
      let header3 = readElfHeader(file);
      let float_abi = header3.e_flags & 6;
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
      let header3 = readElfHeader(file);
      if (header3.e_flags & 1024) {
        abi += "hf";
      } else if (header3.e_flags & 512) {
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
      let header3 = readElfHeader(file);
      switch (header3.ei_data) {
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
    let read2 = fs.readSync(this.fd, buf, 0, len, offset);
    return buf.subarray(0, read2);
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
function loadDynamic(dirname9, pkg2, triplets2) {
  let suffix = "/../../build/koffi";
  let root = dirname9 + suffix;
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
var NATIVE_ABI = 7;
var api;
var onWorker = (fn) => (...args) => new Promise((resolve3, reject) => {
  fn.async(...args, (err, res) => err ? reject(err) : resolve3(res));
});
function nativeApi() {
  if (api) return api;
  const lib = index_default.load(libraryPath());
  index_default.opaque("cs_sensor");
  const f = (decl) => lib.func(decl);
  const poll = f("int cs_poll(cs_sensor *s, uint8_t *buf, uint32_t len, int timeout_ms)");
  const attach = f("int cs_attach(cs_sensor *s, const char *cgroup_root, _Out_ uint8_t *plan, uint32_t plan_len)");
  const loaded = {
    cs_abi_version: f("int cs_abi_version(void)"),
    cs_records_version: f("int cs_records_version(void)"),
    cs_open: f("cs_sensor *cs_open(const char *obj_path, uint32_t ringbuf_bytes, uint32_t priority_bytes, uint32_t self_tgid, uint32_t flags, _Out_ int *err)"),
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
    cs_wake: f("int cs_wake(cs_sensor *s)"),
    cs_map_id: f("int cs_map_id(cs_sensor *s, const char *name)"),
    cs_read_counters: f("int cs_read_counters(cs_sensor *s, _Out_ uint64_t *out, uint32_t max)"),
    cs_read_lost_files: f("int cs_read_lost_files(cs_sensor *s, _Out_ uint8_t *out, uint32_t max)"),
    cs_links_alive: f("int cs_links_alive(cs_sensor *s)"),
    cs_link_report: f("int cs_link_report(cs_sensor *s, _Out_ uint8_t *out, uint32_t len)"),
    cs_cgroup_alive: f("int cs_cgroup_alive(cs_sensor *s, uint64_t cgroup_id)"),
    cs_close: f("void cs_close(cs_sensor *s)"),
    cs_close_in_background: f("int cs_close_in_background(cs_sensor *s)"),
    cs_timings: f("int cs_timings(cs_sensor *s, _Out_ uint8_t *out, uint32_t len)"),
    cs_boot_to_realtime_ns: f("int64_t cs_boot_to_realtime_ns(void)"),
    cs_peer_pid: f("int cs_peer_pid(int fd)"),
    cs_peer_cred: f("int cs_peer_cred(int fd, _Out_ int *out)"),
    cs_test_skb: f("int cs_test_skb(cs_sensor *s, const char *prog, const uint8_t *frame, uint32_t len)"),
    cs_last_error: f("int cs_last_error(_Out_ uint8_t *buf, uint32_t len)"),
    cs_policy_set: f("int cs_policy_set(cs_sensor *s, uint32_t policy, uint32_t mode, uint32_t allow_loopback, uint32_t ttl_floor_s, uint32_t ttl_ceiling_s)"),
    cs_policy_add_address: f("int cs_policy_add_address(cs_sensor *s, uint32_t policy, const uint8_t *addr16, uint32_t prefix, uint32_t port)"),
    cs_policy_add_name: f("int cs_policy_add_name(cs_sensor *s, uint32_t policy, const char *name, uint32_t wildcard, const uint16_t *ports, uint32_t nports)"),
    cs_policy_clear: f("int cs_policy_clear(cs_sensor *s, uint32_t policy)"),
    cs_track_cgroup_policy: f("int cs_track_cgroup_policy(cs_sensor *s, uint64_t cgroup_id, uint32_t policy)"),
    cs_stage_policy: f("int cs_stage_policy(cs_sensor *s, const char *basename, uint32_t policy)"),
    cs_policy_exempt: f("int cs_policy_exempt(cs_sensor *s, uint32_t tgid, uint32_t exempt)"),
    cs_policy_stats: f("int cs_policy_stats(cs_sensor *s, _Out_ uint64_t *out, uint32_t max)"),
    pollAsync: onWorker(poll),
    attachAsync: onWorker(attach)
  };
  if (loaded.cs_abi_version() !== NATIVE_ABI) {
    throw new Error(`${libraryPath()} speaks native ABI ${loaded.cs_abi_version()}, this build expects ${NATIVE_ABI}`);
  }
  api = loaded;
  return api;
}

// src/native/sensor.ts
function debugPriorityRing() {
  const text3 = process.env[EnvVar.DebugPriorityRingbuf];
  if (!text3) return void 0;
  const n = Number(text3);
  if (!Number.isInteger(n) || n < 4096 || (n & n - 1) !== 0) {
    throw new Error(`${EnvVar.DebugPriorityRingbuf}=${text3}: a power of two of at least 4096 bytes`);
  }
  return n;
}
var SensorError = class extends Error {
  constructor(message, errno) {
    super(message);
    this.errno = errno;
    this.name = "SensorError";
  }
  errno;
};
var DEFAULT_PRIORITY_RINGBUF_BYTES = 1 << 20;
var errnoName = (errno) => Object.entries(osConstants.errno).find(([, v]) => v === errno)?.[0] ?? `errno ${errno}`;
function lastError(api2, rc) {
  const buf = Buffer.alloc(8192);
  const n = api2.cs_last_error(buf, buf.length);
  const text3 = n > 0 ? buf.subarray(0, n).toString("utf8") : errnoName(-rc);
  return new SensorError(text3, -rc);
}
var LOST_FILES_MAX = 4096;
var LOST_FILES_ENTRY = SIZEOF.cs_lost_key + SIZEOF.cs_lost_files;
function decodeLostFiles(b) {
  const key = OFFSETS.cs_lost_key;
  const at = (off) => SIZEOF.cs_lost_key + off;
  const value = OFFSETS.cs_lost_files;
  const comm2 = b.subarray(at(value.comm), LOST_FILES_ENTRY);
  const end = comm2.indexOf(0);
  return {
    pid: b.readUInt32LE(key.pid),
    startNs: Number(b.readBigUInt64LE(key.start_time_ns)),
    cgroupId: Number(b.readBigUInt64LE(at(value.cgroup_id))),
    comm: comm2.subarray(0, end < 0 ? comm2.length : end).toString("utf8"),
    opens: Number(b.readBigUInt64LE(at(value.opens))),
    ops: Number(b.readBigUInt64LE(at(value.ops)))
  };
}
var POLICY_MODES = { off: 0, audit: 1, block: 2 };
var POLICY_STATS = ["denied", "refused", "learned", "learnFull"];
var PLAN_BYTES = 64 * 1024;
function planOf(buf) {
  const text3 = buf.subarray(0, buf.indexOf(0)).toString("utf8");
  if (process.env[EnvVar.DebugPlan]) console.error(text3);
  return JSON.parse(text3);
}
var Sensor = class _Sensor {
  constructor(api2, handle, rings) {
    this.api = api2;
    this.handle = handle;
    this.rings = rings;
  }
  api;
  handle;
  rings;
  closed = false;
  polling = false;
  attaching = false;
  linkReport;
  static open(opts) {
    const api2 = nativeApi();
    if (api2.cs_records_version() !== RECORDS_ABI) {
      throw new SensorError(`native library uses record layout ${api2.cs_records_version()}, decoder expects ${RECORDS_ABI}`, 0);
    }
    const err = [0];
    const flags = (opts.noFunctionHooks ? 1 : 0) | (opts.noTlsRequests ? 2 : 0);
    const rings = { priority: opts.priorityRingbufBytes ?? debugPriorityRing() ?? DEFAULT_PRIORITY_RINGBUF_BYTES, bulk: opts.ringbufBytes };
    const h = api2.cs_open(opts.objectPath ?? bpfObjectPath(), rings.bulk, rings.priority, process.pid, flags, err);
    if (!h) throw lastError(api2, err[0] ?? -1);
    return new _Sensor(api2, h, rings);
  }
  check(rc) {
    if (rc < 0) throw lastError(this.api, rc);
    return rc;
  }
  live() {
    if (this.closed) throw new SensorError("sensor is closed", 9);
    return this.handle;
  }
  /**
   * Attaches every hook, on a worker thread so the caller's thread does
   * other work while the verifier runs (run compiles its rules); resolves
   * to the plan (which mechanism each hook got). Nothing else may use the
   * sensor until it settles.
   */
  async attachAsync(cgroupRoot) {
    const buf = Buffer.alloc(PLAN_BYTES);
    this.attaching = true;
    try {
      this.check(await this.api.attachAsync(this.live(), cgroupRoot, buf, buf.length));
    } finally {
      this.attaching = false;
    }
    return planOf(buf);
  }
  /** policy: an egress policy id (0: none); the kernel gives the cgroup's new children the same. */
  trackCgroup(id2, policy = 0) {
    this.check(this.api.cs_track_cgroup_policy(this.live(), id2, policy));
  }
  untrackCgroup(id2) {
    this.check(this.api.cs_untrack_cgroup(this.live(), id2));
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
  /** policy: the job's egress policy id, which the container's cgroup gets when it is made. */
  stage(basename5, policy = 0) {
    this.check(this.api.cs_stage_policy(this.live(), basename5, policy));
  }
  unstage(basename5) {
    this.check(this.api.cs_unstage(this.live(), basename5));
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
  setPolicy(policy, cfg) {
    const mode2 = POLICY_MODES[cfg.mode];
    this.check(this.api.cs_policy_set(this.live(), policy, mode2, cfg.allowLoopback ? 1 : 0, cfg.ttlFloorS, cfg.ttlCeilingS));
  }
  addPolicyAddress(policy, addr16, prefix, port) {
    this.check(this.api.cs_policy_add_address(this.live(), policy, addr16, prefix, port));
  }
  addPolicyName(policy, name, wildcard, ports) {
    const buf = Uint16Array.from(ports.length > 0 ? ports : [0]);
    this.check(this.api.cs_policy_add_name(this.live(), policy, name, wildcard ? 1 : 0, buf, ports.length));
  }
  clearPolicy(policy) {
    this.check(this.api.cs_policy_clear(this.live(), policy));
  }
  exemptTask(tgid, exempt) {
    this.check(this.api.cs_policy_exempt(this.live(), tgid, exempt ? 1 : 0));
  }
  policyStats() {
    const out = new BigUint64Array(POLICY_STATS.length);
    this.check(this.api.cs_policy_stats(this.live(), out, out.length));
    return Object.fromEntries(POLICY_STATS.map((k, i) => [k, Number(out[i])]));
  }
  /** Kernel ids of the sensor's maps, for bpftool and diagnostics. */
  mapIds() {
    const names = ["tracked_cgroups", "tracked_tasks", "staging_map", "events", "events_priority", "counters", "lost_files"];
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
  /** Ends the poll waiting now (or the next one's wait at once): its caller wants the records so far, or is stopping. */
  wake() {
    this.check(this.api.cs_wake(this.live()));
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
  /** The lost_files map: which processes lost file records to a full bulk ring, and how many. */
  lostFiles(max = LOST_FILES_MAX) {
    const out = Buffer.alloc(max * LOST_FILES_ENTRY);
    const n = this.check(this.api.cs_read_lost_files(this.live(), out, max));
    const entries = [];
    for (let i = 0; i < n; i++) entries.push(decodeLostFiles(out.subarray(i * LOST_FILES_ENTRY, (i + 1) * LOST_FILES_ENTRY)));
    return entries;
  }
  /** CLOCK_REALTIME - CLOCK_BOOTTIME in ns, for turning record times into wall-clock times. */
  static bootToRealtimeNs() {
    return Number(nativeApi().cs_boot_to_realtime_ns());
  }
  /** Runs a loaded packet program on one crafted Ethernet frame (BPF_PROG_TEST_RUN); returns its verdict. */
  testSkb(prog, frame) {
    return this.check(this.api.cs_test_skb(this.live(), prog, frame, frame.length));
  }
  /** Where the start went: the maps, each instance's load (the verifier), each hook's attach. */
  timings() {
    const buf = Buffer.alloc(16 * 1024);
    const n = this.check(this.api.cs_timings(this.live(), buf, buf.length));
    return JSON.parse(buf.subarray(0, n).toString("utf8"));
  }
  linksAlive() {
    return this.api.cs_links_alive(this.live());
  }
  /** Every link the sensor attached, with the program attached through it now. */
  links() {
    const buf = this.linkReport ??= Buffer.alloc(16 * 1024);
    const n = this.check(this.api.cs_link_report(this.live(), buf, buf.length));
    return JSON.parse(buf.subarray(0, n).toString("utf8"));
  }
  /** Whether the cgroup with this id exists, judged by id below the cgroup root opened at attach (no path a mount could hide). */
  cgroupAlive(id2) {
    return this.check(this.api.cs_cgroup_alive(this.live(), id2)) === 1;
  }
  /**
   * Detaches everything. Waits for nothing: callers stop polling first.
   * inBackground: a child process detaches the links after this returns
   * (each syscall tracepoint's detach waits for an RCU grace period, one
   * after another: over a second in all), for a caller about to exit.
   */
  close(opts = {}) {
    if (this.closed) return;
    if (this.polling) throw new SensorError("close while a poll is running", 16);
    if (this.attaching) throw new SensorError("close while the programs are loading", 16);
    if (opts.inBackground) this.api.cs_close_in_background(this.handle);
    this.closed = true;
    this.api.cs_close(this.handle);
  }
};

// src/events/eventTime.ts
var pad = (n, width) => String(n).padStart(width, "0");
var THREE_DIGITS = Array.from({ length: 1e3 }, (_, i) => pad(i, 3));
var lastSecond = NaN;
var lastSecondText = "";
function secondText(second) {
  if (second !== lastSecond) {
    lastSecondText = new Date(second * 1e3).toISOString().slice(0, 20);
    lastSecond = second;
  }
  return lastSecondText;
}
function microsText(micros) {
  const second = Math.floor(micros / 1e6);
  const us = micros - second * 1e6;
  return `${secondText(second)}${THREE_DIGITS[Math.floor(us / 1e3)]}${THREE_DIGITS[us % 1e3]}Z`;
}
var wallMicros = (wallNs) => Math.floor(wallNs / 1e3);
function rfc3339Micros(wallNs) {
  return microsText(wallMicros(wallNs));
}
var jsonSecond = NaN;
var jsonPrefix = new Uint8Array(0);
var TIME_JSON_MAX = 40;
function writeTimeJson(out, pos, micros) {
  const second = Math.floor(micros / 1e6);
  let us = micros - second * 1e6 | 0;
  if (second !== jsonSecond) {
    jsonPrefix = Uint8Array.from(`"${secondText(second)}`, (c) => c.charCodeAt(0));
    jsonSecond = second;
  }
  const prefix = jsonPrefix;
  for (let i = 0; i < prefix.length; i++) out[pos++] = prefix[i];
  for (let k = 5; k >= 0; k--) {
    const digit2 = us % 10;
    out[pos + k] = 48 + digit2;
    us = (us - digit2) / 10;
  }
  out[pos + 6] = 90;
  out[pos + 7] = 34;
  return pos + 8;
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
  "process_access",
  "container_create",
  "container_exec"
];
var OpenedFile = class {
  constructor(path, access, flags, path_truncated, target_process) {
    this.path = path;
    this.access = access;
    this.flags = flags;
    this.path_truncated = path_truncated;
    this.target_process = target_process;
  }
  path;
  access;
  flags;
  path_truncated;
  target_process;
};
var TrackedEvent = class {
  // Declared in the line's order (lineLayout.ts), each defined as the instance is made.
  seq = 0;
  time;
  kind;
  job;
  cgroup_id;
  container;
  step;
  process;
  network = void 0;
  file = void 0;
  domain = void 0;
  unix_socket = void 0;
  mount = void 0;
  http = void 0;
  access = void 0;
  container_create = void 0;
  container_exec = void 0;
  #micros;
  constructor(micros, kind, job, cgroupId2, container, step2, process2) {
    this.#micros = micros;
    this.time = microsText(micros);
    this.kind = kind;
    this.job = job;
    this.cgroup_id = cgroupId2;
    this.container = container;
    this.step = step2;
    this.process = process2;
  }
  /** An event's wall-clock time in microseconds, if it is a TrackedEvent; NaN otherwise (its time is only text). */
  static microsOf(e) {
    return #micros in e ? e.#micros : NaN;
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
  let byFlags = named.get(arch);
  if (byFlags === void 0) named.set(arch, byFlags = /* @__PURE__ */ new Map());
  let names = byFlags.get(flags);
  if (names === void 0) {
    names = nameFlags(flags, arch);
    if (byFlags.size < 4096) byFlags.set(flags, names = Object.freeze(names));
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
var latin1Slice = Buffer.prototype.latin1Slice ?? function(start, end) {
  return Buffer.from(this.buffer, this.byteOffset, this.byteLength).toString("latin1", start, end);
};
function bytesToText(buf, start, end) {
  if (isAscii(buf, start, end)) return latin1Slice.call(buf, start, end);
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
var scratch = Buffer.allocUnsafe(4096);
function componentsToPath(buf, start, end, truncated) {
  const last = end > start && buf[end - 1] === 0 ? end - 1 : end;
  if (scratch.length < last - start + 1) scratch = Buffer.allocUnsafe(2 * (last - start + 1));
  const out = scratch;
  let pos = 1;
  let high = 0;
  out[0] = 47;
  let segEnd = last;
  for (let i = last - 1; i >= start - 1; i--) {
    if (i >= start && buf[i] !== 0) continue;
    for (let j = i + 1; j < segEnd; j++) {
      const c = buf[j];
      high |= c;
      out[pos++] = c;
    }
    if (i >= start) out[pos++] = 47;
    segEnd = i;
  }
  const path = high < 128 ? latin1Slice.call(out, 0, pos) : "/" + splitNul(buf, start, end).reverse().join("/");
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
  if (!path.startsWith("/proc/")) return void 0;
  const m = PROC_PID_PATH.exec(path);
  if (!m) return void 0;
  const pid = Number(m[1]);
  return pid === selfPid ? void 0 : targets.describe(pid, 0);
}

// src/kerneltracker/eventBuilder.ts
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
  const target2 = targets && procTarget(s.path, s.pid, targets);
  return new OpenedFile(s.path, ACCESS[s.access] ?? "read", openFlagNames(s.openFlags), s.pathTruncated ? true : void 0, target2 || void 0);
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
function policyVerdict(flags) {
  if (!(flags & Flag.EGRESS_DENIED)) return {};
  return flags & Flag.EGRESS_BLOCKED ? { outside_policy: true, blocked: true } : { outside_policy: true };
}
function network(s, domainOf) {
  const domain = domainOf?.nameOf(s.address);
  return {
    protocol: s.protocol === "udp" ? "udp" : "tcp",
    family: s.family,
    address: s.address,
    port: s.port,
    ...domain !== void 0 ? { domain } : {},
    ...policyVerdict(s.flags)
  };
}
function record(kind, s, ctx, process2 = processContext(ctx.node, ctx.bootToRealNs)) {
  return new TrackedEvent(wallMicros(s.timeNs + ctx.bootToRealNs), kind, ctx.job, s.cgroupId, ctx.container, ctx.node.step, process2);
}
function domainEvent(domain, s, ctx) {
  const e = record("domain", s, ctx);
  e.domain = domain;
  return e;
}
function proxyEvent(r, s, ctx) {
  const e = record(r.kind, s, ctx);
  if (r.kind === "container_create") e.container_create = r.container_create;
  else e.container_exec = r.container_exec;
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
    case "http_request":
      e = record("http_request", s, ctx);
      e.http = { method: s.method, path: s.path, host: s.host, source: s.source };
      return e;
    default:
      return void 0;
  }
}

// src/kerneltracker/processTable.ts
import { readFileSync as readFileSync4, readlinkSync as readlinkSync2 } from "node:fs";

// src/platform/procStat.ts
import { readFileSync as readFileSync3 } from "node:fs";
function readProcStat(pid, procRoot = "/proc") {
  let stat;
  try {
    stat = readFileSync3(`${procRoot}/${pid}/stat`, "latin1");
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
      execPath = readlinkSync2(`${procRoot}/${pid}/exe`);
    } catch {
    }
    const cmdline = readFileSync4(`${procRoot}/${pid}/cmdline`);
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
  /**
   * The node for pid as it is now, without keeping what it reads: a process
   * a userspace source names (the docker proxy's client by SO_PEERCRED) may
   * not have reached the tracker through the ring buffer yet, and its own
   * records will still arrive and claim it.
   */
  peek(pid) {
    const known = this.get(pid, 0);
    if (known) return known;
    const proc = readProc(pid);
    const parent = proc ? this.get(proc.ppid, 0) : void 0;
    const { ancestors, truncated } = chainFrom(parent);
    const execPath = proc?.execPath ?? "";
    const argv = proc?.argv ?? [];
    return {
      pid,
      startTicks: proc?.startTicks ?? 0,
      startNs: (proc?.startTicks ?? 0) * NS_PER_TICK,
      ppid: proc?.ppid ?? 0,
      uid: parent?.uid,
      execPath,
      argv,
      argvTruncated: false,
      cwd: parent?.cwd,
      ancestors,
      ancestorsTruncated: truncated,
      asAncestor: { pid, exec_path: execPath, argv },
      step: parent?.step
    };
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
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { basename as basename2 } from "node:path";
var ACTION_PATH = /\/_actions\/([^/]+)\/([^/]+)\/([^/]+)\//;
var RUN_SCRIPT = /\/_temp\/[^/]+\.(sh|bash|ps1|py|cmd)$/;
var LABEL_MAX = 200;
var SCRIPT_READ_BYTES = 8192;
function firstScriptLine(path, runnerUid) {
  let fd;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    const st = fstatSync(fd);
    if (!st.isFile()) return void 0;
    if (runnerUid !== void 0 && runnerUid !== 0 && st.uid !== runnerUid) return void 0;
    const buf = Buffer.alloc(SCRIPT_READ_BYTES);
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
    const line2 = readLine(script);
    return clip(`run: ${line2 ?? `(script ${basename2(script)} already removed)`}`);
  }
  const shown = argv.length ? argv.join(" ") : basename2(execPath);
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
  node.step = Object.freeze({ pid: node.pid, label: stepLabel(node.execPath, node.argv, (path) => firstScriptLine(path, node.uid)) });
}

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
      server: resolved ? { address: s.address } : { address: s.address, port: s.port },
      ...policyVerdict(s.flags)
    };
    const event = toEvent(domain);
    if (!dns || domain.blocked) return event;
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
  constructor(maps, now, alive = () => true) {
    this.maps = maps;
    this.now = now;
    this.alive = alive;
  }
  maps;
  now;
  alive;
  jobs = /* @__PURE__ */ new Map();
  jobByCgroup = /* @__PURE__ */ new Map();
  cgroupsByJob = /* @__PURE__ */ new Map();
  removedAt = /* @__PURE__ */ new Map();
  cgroupPath = /* @__PURE__ */ new Map();
  containerByCgroup = /* @__PURE__ */ new Map();
  register(identity3, cgroups, sink, workerPid, policyId = 0) {
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
      policyId,
      registeredAt: this.now(),
      domains: new JobDomains(this.now)
    };
    this.jobs.set(identity3.id, job);
    this.cgroupsByJob.set(identity3.id, /* @__PURE__ */ new Set());
    for (const c of cgroups) {
      this.maps.trackCgroup(c.id, policyId);
      this.own(identity3.id, Number(c.id));
      if (c.path) this.cgroupPath.set(Number(c.id), c.path);
    }
    return job;
  }
  get(jobId2) {
    return this.jobs.get(jobId2);
  }
  jobOfCgroup(id2) {
    return this.jobByCgroup.get(id2);
  }
  containerOf(cgroupId2) {
    return this.containerByCgroup.get(cgroupId2);
  }
  own(jobId2, id2) {
    this.jobByCgroup.set(id2, jobId2);
    this.cgroupsByJob.get(jobId2)?.add(id2);
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
  removed(id2) {
    if (this.jobByCgroup.has(id2)) this.removedAt.set(id2, this.now());
  }
  /** Forgets removed cgroups whose grace period is over. */
  expireRemoved() {
    const limit = this.now() - REMOVED_GRACE_MS;
    for (const [id2, at] of this.removedAt) {
      if (at > limit) continue;
      const jobId2 = this.jobByCgroup.get(id2);
      this.jobByCgroup.delete(id2);
      if (jobId2 !== void 0) this.cgroupsByJob.get(jobId2)?.delete(id2);
      this.forgetCgroup(id2);
    }
  }
  forgetCgroup(id2) {
    this.removedAt.delete(id2);
    this.cgroupPath.delete(id2);
    this.containerByCgroup.delete(id2);
  }
  /**
   * Catches a removal whose record the kernel could not send (the ring
   * buffer was full): a cgroup that no longer exists by id leaves the
   * mirror after the grace period. The kernel map is left alone: its rmdir
   * hook removed the entry itself, and untracking on anything but the
   * kernel's word would let a job hide its cgroup's path (a mount over the
   * cgroup fs) and go unobserved.
   */
  reconcile() {
    for (const id2 of this.jobByCgroup.keys()) {
      if (!this.removedAt.has(id2) && !this.alive(id2)) this.removedAt.set(id2, this.now());
    }
  }
  /** Every cgroup of a job not yet removed: what tracked_cgroups must hold. */
  *liveCgroups() {
    for (const [id2, jobId2] of this.jobByCgroup) {
      if (!this.removedAt.has(id2)) yield { id: id2, jobId: jobId2, path: this.cgroupPath.get(id2) };
    }
  }
  /** Removes the job and untracks every cgroup it has; returns its state. */
  remove(jobId2) {
    for (const id2 of this.cgroupsByJob.get(jobId2) ?? []) {
      this.maps.untrackCgroup(BigInt(id2));
      this.jobByCgroup.delete(id2);
      this.forgetCgroup(id2);
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

// src/kerneltracker/lostFiles.ts
function processLosses(entries, ofJob, nodeOf) {
  return entries.filter((e) => e.opens + e.ops > 0 && ofJob(e)).map((e) => ({ pid: e.pid, name: nodeOf(e)?.execPath || e.comm, fileOpens: e.opens, fileOps: e.ops })).sort((a, b) => b.fileOpens + b.fileOps - (a.fileOpens + a.fileOps) || a.pid - b.pid);
}

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
  stage(jobId2, basename5, container, policyId = 0) {
    this.maps.stage(basename5, policyId);
    this.stagingByBasename.set(basename5, jobId2);
    let names = this.stagingByJob.get(jobId2);
    if (!names) this.stagingByJob.set(jobId2, names = /* @__PURE__ */ new Set());
    names.add(basename5);
    this.containerByBasename.set(basename5, Object.freeze({ ...container }));
    this.stagedAt.set(basename5, this.now());
  }
  /** The staged cgroup was made: whose it is (the entry is used up); undefined if nobody staged it. */
  promote(basename5) {
    const jobId2 = this.stagingByBasename.get(basename5);
    const container = this.containerByBasename.get(basename5);
    if (jobId2 === void 0) return void 0;
    this.drop(basename5);
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
    const cached2 = this.cache.get(pid);
    const fresh = cached2 && this.now() - cached2.at < CACHE_MS && (!startNs || cached2.ticks === startTicks(startNs));
    if (fresh) return cached2.ref;
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
  constructor(maps, bootToRealNs, now = Date.now, cgroupAlive) {
    this.maps = maps;
    this.registry = new JobRegistry(maps, now, cgroupAlive ?? ((id2) => maps.cgroupAlive?.(BigInt(id2)) ?? true));
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
  /** Filled per event for the event builder; nothing keeps it. */
  ctx;
  counts = { unattributed: 0, otherProtocol: 0, malformed: 0, ownerless: 0 };
  /** What the kernel saw done to the sensor itself; no job's event (bpf/tamper.bpf.h). */
  onTamper;
  /** dockerd's own socket while the docker proxy runs. */
  dockerSocket;
  registerJob(identity3, cgroups, sink, opts = {}) {
    this.registry.register(identity3, cgroups, sink, opts.workerPid, opts.policyId);
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
  stage(jobId2, basename5, container) {
    const job = this.registry.get(jobId2);
    if (!job) throw new Error(`unknown job ${jobId2}`);
    this.staging.stage(jobId2, basename5, container, job.policyId);
  }
  /**
   * A container create or exec the docker proxy saw from the job's process
   * pid (in cgroup cgroupId), as it is now: the time, and the client's
   * process while it surely lives (a refused client exits at once, and its
   * exit record may be handled before the event is delivered). Deliver it
   * with deliverProxyRecord once the records the kernel wrote before it are
   * handled, so that its line follows the client's exec.
   */
  snapshotProxyRecord(jobId2, pid, cgroupId2, record2) {
    return { jobId: jobId2, cgroupId: cgroupId2, record: record2, node: this.processes.table.peek(pid), timeNs: Date.now() * 1e6 - this.ctx.bootToRealNs };
  }
  /** The request's event, numbered after everything the kernel wrote before it; the client's node as the table has it now, if it is still there. */
  deliverProxyRecord(p) {
    const job = this.registry.get(p.jobId);
    if (!job) return;
    const node = this.processes.table.get(p.node.pid, p.node.startNs) ?? p.node;
    this.deliver(job, proxyEvent(p.record, { timeNs: p.timeNs, cgroupId: p.cgroupId }, this.contextFor(job, p.cgroupId, node)));
  }
  /** Drops staging entries never promoted (a create that was never started). */
  expireStaging(maxAgeMs) {
    this.staging.expire(maxAgeMs);
  }
  /** The job whose tracked cgroup has this id, if any. */
  jobOfCgroup(id2) {
    return this.registry.jobOfCgroup(id2);
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
  /**
   * The job's processes whose file records the bulk ring lost, read from
   * the kernel now: call before the job unregisters, while its cgroups and
   * processes still name it.
   */
  lostFilesOf(jobId2) {
    const entries = this.maps.lostFiles?.() ?? [];
    const nodeOf = (e) => this.processes.table.get(e.pid, e.startNs);
    const jobOf = (e) => this.registry.jobOfCgroup(e.cgroupId) ?? (nodeOf(e) && this.processes.jobOf(e.pid));
    return processLosses(entries, (e) => jobOf(e) === jobId2, nodeOf);
  }
  noteMalformed() {
    this.counts.malformed++;
  }
  handle(s) {
    if (s.kind === "cgroup") {
      this.handleCgroup(s);
      return;
    }
    if (s.kind === "tamper") {
      this.onTamper?.(s);
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
    if (!event) return;
    const daemon = s.kind === "unix_connect" && this.isDockerSocket(s.peer);
    if (daemon) event.unix_socket.docker_daemon = true;
    this.deliver(job, event);
    if (daemon) job.sink.reachedDockerDaemon?.(event);
  }
  /** By the socket file the kernel connected to, whatever path the job named it by. */
  isDockerSocket(peer) {
    const d = this.dockerSocket;
    return d !== void 0 && peer !== void 0 && peer.dev === d.dev && peer.ino === d.ino;
  }
  /** A process as events name it, and its job if it is in one (tamper reports name senders and tracers). */
  describeProcess(pid, startNs) {
    const job = this.processes.jobOf(pid);
    return { ...this.targets.describe(pid, startNs), ...job === void 0 ? {} : { job } };
  }
  /** What a job's events say of other processes; its worker is the runner, not the job's own code. */
  lookupFor(job) {
    return job.targets ??= {
      describe: (pid, startNs) => this.targets.describe(pid, startNs),
      inJob: (pid) => pid !== job.workerPid && this.processes.jobOf(pid) === job.id
    };
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
    const policy = this.registry.get(jobId2).policyId;
    if (s.op === "attach" && policy) this.maps.trackCgroup(BigInt(s.id), policy);
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

// src/platform/cpuProfile.ts
import { writeFileSync as writeFileSync2 } from "node:fs";
import { Session } from "node:inspector";
function startCpuProfile(path) {
  const session = new Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.setSamplingInterval", { interval: 500 });
  session.post("Profiler.start");
  return () => {
    session.post("Profiler.stop", (err, result2) => {
      if (!err) writeFileSync2(path, JSON.stringify(result2.profile));
      session.disconnect();
    });
  };
}

// src/platform/youngGeneration.ts
import { setFlagsFromString } from "node:v8";
var capped = false;
function capYoungGeneration() {
  if (capped) return;
  setFlagsFromString("--semi-space-growth-factor=1");
  capped = true;
}

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

// src/kernel/recordReader.ts
var MalformedRecord = class extends Error {
};
var u64 = (b, off) => b.readUInt32LE(off + 4) * 4294967296 + b.readUInt32LE(off);
var le16 = (b, at) => b[at] | b[at + 1] << 8;
var le32 = (b, at) => (b[at] | b[at + 1] << 8 | b[at + 2] << 16) + b[at + 3] * 16777216;
var le64 = (b, at) => le32(b, at + 4) * 4294967296 + le32(b, at);
function need(cond, what) {
  if (!cond) throw new MalformedRecord(what);
}
function base(b, at) {
  const h = OFFSETS.cs_header;
  return {
    pid: le32(b, at + h.pid),
    tid: le32(b, at + h.tid),
    flags: le32(b, at + h.flags),
    timeNs: le64(b, at + h.time_ns),
    cgroupId: le64(b, at + h.cgroup_id),
    startNs: le64(b, at + h.start_time_ns)
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
function passedPath(b, tail, pathLen, baseLen, truncated) {
  const [ps, pe] = tail.take(pathLen);
  const [bs, be] = tail.take(baseLen);
  const raw = bytesToText(b, ps, pe);
  return be > bs ? { raw, base: componentsToPath(b, bs, be, truncated) } : { raw };
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
var METHOD = /^[A-Z]{1,16}$/;
var VISIBLE = /^[\x21-\x7e]*$/;
function httpServer(b, at) {
  const o = OFFSETS.cs_http_request;
  const source = b[at + o.source];
  const family = b[at + o.family];
  need(source === HttpSource.CLEARTEXT || source === HttpSource.OPENSSL, "unknown http source");
  if (source === HttpSource.OPENSSL) {
    need(family === 0 && b.readUInt16LE(at + o.port) === 0, "an openssl http_request names a server");
    return { source: "openssl" };
  }
  need(family === 2 || family === 10, "unknown address family");
  return {
    source: "cleartext_http",
    family: family === 2 ? "ipv4" : "ipv6",
    address: family === 2 ? ipv4(b, at + o.addr) : ipv6(b, at + o.addr),
    port: b.readUInt16LE(at + o.port)
  };
}
function decodeHttpRequest(b, at, end) {
  const o = OFFSETS.cs_http_request;
  const server = httpServer(b, at);
  const tail = new Tail(at + SIZEOF.cs_http_request, end);
  const [ms, me] = tail.take(b.readUInt16LE(at + o.method_len));
  const [ps, pe] = tail.take(b.readUInt16LE(at + o.path_len));
  const [hs, he] = tail.take(b.readUInt16LE(at + o.host_len));
  const method = b.toString("latin1", ms, me);
  const path = b.toString("latin1", ps, pe);
  const host = b.toString("latin1", hs, he);
  need(METHOD.test(method), "http method is not upper-case letters");
  need(path.length > 0 && VISIBLE.test(path) && VISIBLE.test(host) && host === host.toLowerCase(), "http path or host holds bytes the kernel never writes");
  const sample = {
    kind: "http_request",
    ...base(b, at),
    method,
    path,
    host,
    ...server
  };
  if (b[at + o.path_cut]) sample.pathCut = true;
  return sample;
}

// src/kernel/decodeTamper.ts
var stateName = (state) => state & 8 ? "traced" : state & 32768 ? "frozen" : "stopped";
function decodeTamper(b, at) {
  const o = OFFSETS.cs_tamper;
  const op = b.readUInt32LE(at + o.op);
  if (op === TamperOp.STOPPED) {
    return {
      kind: "tamper",
      op: "stopped",
      ...base(b, at),
      stoppedNs: u64(b, at + o.stopped_ns),
      totalNs: u64(b, at + o.stopped_total_ns),
      count: b.readUInt32LE(at + o.count),
      state: stateName(b.readUInt32LE(at + o.sig))
    };
  }
  if (op === TamperOp.TRACED) {
    return { kind: "tamper", op: "traced", ...base(b, at), tracerPid: b.readUInt32LE(at + o.tracer_pid), tracerStartNs: u64(b, at + o.tracer_start_time_ns) };
  }
  return {
    kind: "tamper",
    op: "signal",
    ...base(b, at),
    signal: b.readUInt32LE(at + o.sig),
    targetTid: b.readUInt32LE(at + o.target_tid),
    result: b.readInt32LE(at + o.result)
  };
}

// src/kernel/decode.ts
var flag = (flags, bit) => (flags & bit) !== 0 ? true : void 0;
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
  const h = OFFSETS.cs_header;
  const flags = le32(b, at + h.flags);
  const enc = b[at + o.path_enc];
  const ps = at + SIZEOF.cs_file_open;
  const pe = ps + le16(b, at + o.path_len);
  need(pe <= end, "blob runs past the record");
  need(enc === PathEnc.COMPONENTS || enc === PathEnc.STRING, "unknown path encoding");
  const truncated = (flags & Flag.PATH_TRUNCATED) !== 0;
  return {
    kind: "file_open",
    pid: le32(b, at + h.pid),
    tid: le32(b, at + h.tid),
    flags,
    timeNs: le64(b, at + h.time_ns),
    cgroupId: le64(b, at + h.cgroup_id),
    startNs: le64(b, at + h.start_time_ns),
    openFlags: le32(b, at + o.open_flags),
    access: b[at + o.access],
    path: enc === PathEnc.COMPONENTS ? componentsToPath(b, ps, pe, truncated) : bytesToText(b, ps, pe),
    pathTruncated: truncated ? true : void 0
  };
}
var FILE_OPS = {
  [FileOp.UNLINK]: "unlink",
  [FileOp.RMDIR]: "rmdir",
  [FileOp.RENAME]: "rename",
  [FileOp.LINK]: "link",
  [FileOp.SYMLINK]: "symlink"
};
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
  const sample = {
    kind: "unix_connect",
    ...base(b, at),
    path,
    socketType: SOCKET_TYPES[b.readUInt16LE(at + OFFSETS.cs_unix_connect.sock_type)] ?? "unknown"
  };
  const ino = u64(b, at + OFFSETS.cs_unix_connect.peer_ino);
  if (ino !== 0) sample.peer = { dev: userDev(b.readUInt32LE(at + OFFSETS.cs_unix_connect.peer_dev)), ino };
  if (flag(sample.flags, Flag.IO_URING)) sample.ioUring = true;
  return sample;
}
function userDev(kdev) {
  const major = kdev >>> 20;
  const minor = kdev & 1048575;
  return (minor & 255) + major * 256 + (minor & ~255) * 4096;
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
  [Kind.MOUNT]: SIZEOF.cs_mount,
  [Kind.HTTP_REQUEST]: SIZEOF.cs_http_request,
  [Kind.TAMPER]: SIZEOF.cs_tamper
};
function decodeRecord(b, at, len) {
  need(len >= SIZEOF.cs_header, "record shorter than its header");
  need(at >= 0 && at + len <= b.length, "record runs past the batch");
  const kind = le16(b, at + OFFSETS.cs_header.kind);
  const fixed = FIXED[kind];
  if (fixed === void 0) throw new MalformedRecord(`unknown record kind ${kind}`);
  if (len < fixed) throw new MalformedRecord(`record of kind ${kind} shorter than its fixed part`);
  need(le16(b, at + OFFSETS.cs_header.size) === len, "record size disagrees with the ring buffer");
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
    case Kind.HTTP_REQUEST:
      return decodeHttpRequest(b, at, end);
    case Kind.TAMPER:
      return decodeTamper(b, at);
    default:
      return decodeUnix(b, at, end);
  }
}
function decodeBatch(b, len, onSample, onMalformed) {
  let at = 0;
  const end = Math.min(len, b.length);
  while (at + 8 <= end) {
    const recLen = le32(b, at);
    const next = at + 8 + Math.ceil(recLen / 8) * 8;
    if (next > end) {
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
    const settled = new Promise((resolve3) => this.drainWaiters.push(resolve3));
    this.sensor.wake();
    return settled;
  }
  /** Synchronously drains everything the kernel has written so far. */
  drain() {
    for (let n = this.sensor.pollNow(this.buf); n > 0; n = this.sensor.pollNow(this.buf)) this.consume(n);
    this.opts.afterBatch?.();
  }
  /** Stops the loop (its wait ends at once), then drains. */
  async stop() {
    this.stopping = true;
    if (this.done) this.sensor.wake();
    await this.done;
    this.drain();
    this.tracker.releaseDueDomains(true);
    this.opts.afterBatch?.();
    for (const wake of this.drainWaiters.splice(0)) wake();
  }
};

// src/kerneltracker/status.ts
function sensorStatus(plan, counters, counts, rings) {
  return {
    plan,
    hooks: counters,
    lostRecords: counters.reduce((sum, c) => sum + c.lost, 0),
    undecodable: counts.malformed,
    ringbufBytes: rings.bulk,
    rings: [ringStatus("priority", rings.priority, counters), ringStatus("bulk", rings.bulk, counters)]
  };
}
function ringStatus(ring, bytes, counters) {
  const mine = counters.filter((c) => BULK_HOOKS.includes(c.hook) === (ring === "bulk"));
  return {
    ring,
    bytes,
    sent: mine.reduce((sum, c) => sum + c.sent, 0),
    lost: mine.reduce((sum, c) => sum + c.lost, 0)
  };
}

// src/recording/docker.ts
import { chmodSync, chownSync, existsSync as existsSync4, readlinkSync as readlinkSync3, realpathSync as realpathSync3, rmSync as rmSync2, statSync as statSync2 } from "node:fs";
import { dirname as dirname4, join as join5 } from "node:path";

// src/proxy/interpose.ts
import { execFileSync } from "node:child_process";
import { existsSync as existsSync3, readFileSync as readFileSync5, realpathSync as realpathSync2, rmSync, writeFileSync as writeFileSync3 } from "node:fs";
import { join as join4 } from "node:path";
var recordPath = (stateDir) => join4(stateDir, "interpose.json");
function mountPoints() {
  return readFileSync5("/proc/self/mountinfo", "utf8").split("\n").filter(Boolean).map((line2) => line2.split(" ")[4].replace(/\\([0-7]{3})/g, (_, o) => String.fromCharCode(parseInt(o, 8))));
}
function unmountAll(path) {
  for (let i = 0; i < 16 && mountPoints().includes(path); i++) execFileSync("umount", [path]);
}
function bind(source, target2) {
  execFileSync("mount", ["--bind", source, target2]);
}
function repairInterposition(stateDir) {
  const path = recordPath(stateDir);
  if (!existsSync3(path)) return void 0;
  const rec = JSON.parse(readFileSync5(path, "utf8"));
  unmountAll(rec.defaultPath);
  unmountAll(rec.upstreamPath);
  rmSync(rec.upstreamPath, { force: true });
  rmSync(path, { force: true });
  return rec;
}
function interpose(stateDir, defaultPath, proxyPath) {
  const real = realpathSync2(defaultPath);
  const rec = { defaultPath: real, upstreamPath: join4(stateDir, "docker.upstream.sock") };
  writeFileSync3(recordPath(stateDir), JSON.stringify(rec) + "\n");
  writeFileSync3(rec.upstreamPath, "");
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
import http2 from "node:http";

// src/native/peer.ts
function socketFd(socket) {
  const fd = socket._handle?.fd;
  return fd === void 0 || fd < 0 ? void 0 : fd;
}
function peerPid(socket) {
  const fd = socketFd(socket);
  if (fd === void 0) return void 0;
  const pid = nativeApi().cs_peer_pid(fd);
  return pid > 0 ? pid : void 0;
}
function peerCred(socket) {
  const fd = socketFd(socket);
  if (fd === void 0) return void 0;
  const out = new Int32Array(3);
  if (nativeApi().cs_peer_cred(fd, out) !== 0) return void 0;
  return { pid: out[0], uid: out[1] >>> 0, gid: out[2] >>> 0 };
}

// src/proxy/decide.ts
var VERSIONED = /^\/v[0-9.]+(\/.*)$/;
function cleanPath(path) {
  const out = [];
  for (const seg of path.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") out.pop();
    else out.push(seg);
  }
  return `/${out.join("/")}`;
}
function routePath(url) {
  const q = url.indexOf("?");
  let path = q >= 0 ? url.slice(0, q) : url;
  const abs = /^[a-z][a-z0-9+.-]*:\/\/[^/]*(\/.*)?$/i.exec(path);
  if (abs) path = abs[1] ?? "/";
  let decoded;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return void 0;
  }
  const clean2 = cleanPath(decoded);
  return VERSIONED.exec(clean2)?.[1] ?? clean2;
}
var CONTAINER_ACTION = /^\/containers\/(.+)\/(start|restart|exec)$/;
var VOLUME = /^\/volumes\/[^/]+$/;
function classify(method, url) {
  const m = method?.toUpperCase();
  if (m !== "POST" && m !== "DELETE" || !url) return { kind: "forward" };
  const path = routePath(url);
  if (path === void 0) return { kind: "forward" };
  if (m === "DELETE") return VOLUME.test(path) ? { kind: "volume-change" } : { kind: "forward" };
  if (path === "/volumes/create" || path === "/volumes/prune") return { kind: "volume-change" };
  if (path === "/containers/create") return { kind: "container-create" };
  if (path === "/build") return { kind: "build" };
  const action = CONTAINER_ACTION.exec(path);
  if (action) return { kind: action[2] === "exec" ? "exec-create" : "container-start", container: action[1] };
  return { kind: "forward" };
}
var mustInspect = (c) => c.kind !== "forward";
function requestedName(url) {
  const q = url.indexOf("?");
  if (q < 0) return void 0;
  const name = new URLSearchParams(url.slice(q + 1)).get("name");
  return name ? name.replace(/^\//, "") : void 0;
}
function requestedImage(body) {
  if (!body || body.length === 0) return void 0;
  try {
    const parsed2 = JSON.parse(body.toString("utf8"));
    return typeof parsed2.Image === "string" ? parsed2.Image : void 0;
  } catch {
    return void 0;
  }
}
var CONTAINER_ID = /^[0-9a-f]{64}$/;
function createdId(body) {
  if (!body) return void 0;
  try {
    const id2 = JSON.parse(body.toString("utf8")).Id;
    return typeof id2 === "string" && CONTAINER_ID.test(id2) ? id2 : void 0;
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
function containerCgroupBasename(id2, driver) {
  return driver === "systemd" ? `docker-${id2}.scope` : id2;
}

// src/proxy/containerGuard.ts
import { posix as posix2 } from "node:path";
var HOST_PATHS = ["/", "/etc", "/root", "/proc", "/sys", "/var/run/docker.sock", "/run/docker.sock"];
var DANGEROUS_CAPS = /* @__PURE__ */ new Set(["ALL", "SYS_ADMIN", "SYS_PTRACE", "SYS_MODULE", "DAC_READ_SEARCH", "SYS_RAWIO", "BPF", "PERFMON", "NET_ADMIN"]);
var HARMLESS_DEVICES = ["/dev/null", "/dev/zero", "/dev/full", "/dev/random", "/dev/urandom", "/dev/tty", "/dev/fuse", "/dev/kvm", "/dev/net/tun"];
var UNCONFINED = /* @__PURE__ */ new Set(["seccomp=unconfined", "apparmor=unconfined", "systempaths=unconfined", "label=disable"]);
var refuse = (option) => ({
  allowed: false,
  option,
  message: `cicd-sensor container-policy block: refused ${option} (it would hand the job the host)`
});
var under = (path, dir) => path === dir || dir === "/" || path.startsWith(`${dir}/`);
var clean = (p) => posix2.normalize(p).replace(/(.)\/+$/, "$1");
function sensitive(source, ctx) {
  const p = clean((ctx.resolve ?? ((x) => x))(clean(source)));
  const paths2 = [...HOST_PATHS, ...ctx.sensitivePaths].map(clean);
  if (paths2.some((s) => under(s, p))) return true;
  const allowed = (ctx.allowedPaths ?? []).map(clean).filter((a) => !paths2.some((s) => under(s, a)));
  if (allowed.some((a) => under(p, a))) return false;
  return paths2.some((s) => s !== "/" && under(p, s));
}
var strings = (v) => Array.isArray(v) ? v.filter((x) => typeof x === "string") : [];
var optional = (v) => typeof v === "string" && v !== "" ? v : void 0;
function bindSources(host) {
  const fromBinds = strings(host.Binds).map((b) => b.split(":")[0]).filter((s) => s.startsWith("/"));
  const mounts = Array.isArray(host.Mounts) ? host.Mounts : [];
  const fromMounts = mounts.flatMap((m) => {
    if (m?.Type === "bind" && typeof m.Source === "string") return [m.Source];
    const device = m?.VolumeOptions?.DriverConfig?.Options?.device;
    return typeof device === "string" && device.startsWith("/") ? [device] : [];
  });
  return [...fromBinds, ...fromMounts];
}
function namedVolumes(body) {
  let host;
  try {
    host = JSON.parse(body?.toString("utf8") || "{}")?.HostConfig;
  } catch {
    return [];
  }
  if (typeof host !== "object" || host === null) return [];
  const fromBinds = strings(host.Binds).map((b) => b.split(":")[0]).filter((s) => s !== "" && !s.startsWith("/"));
  const mounts = Array.isArray(host.Mounts) ? host.Mounts : [];
  const fromMounts = mounts.flatMap((m) => m?.Type === "volume" && typeof m.Source === "string" && m.Source !== "" ? [m.Source] : []);
  return [.../* @__PURE__ */ new Set([...fromBinds, ...fromMounts])];
}
function volumeDevice(inspect) {
  try {
    const v = JSON.parse(inspect?.toString("utf8") ?? "");
    const device = v.Options?.device;
    return v.Driver === "local" && typeof device === "string" && device.startsWith("/") ? device : void 0;
  } catch {
    return void 0;
  }
}
function inspectedContainer(inspect) {
  try {
    const c = JSON.parse(inspect?.toString("utf8") ?? "");
    const mounts = Array.isArray(c.Mounts) ? c.Mounts : [];
    const of = (type, key) => mounts.flatMap((m) => m?.Type === type && typeof m[key] === "string" && m[key] !== "" ? [m[key]] : []);
    const pidMode = typeof c.HostConfig?.PidMode === "string" ? c.HostConfig.PidMode : "";
    return {
      ...typeof c.Id === "string" && /^[0-9a-f]{64}$/.test(c.Id) ? { id: c.Id } : {},
      binds: of("bind", "Source"),
      volumes: of("volume", "Name"),
      hostPid: c.HostConfig?.Privileged === true || pidMode === "host",
      ...pidMode.startsWith("container:") ? { pidContainer: pidMode.slice("container:".length) } : {}
    };
  } catch {
    return void 0;
  }
}
function seccompOpt(value) {
  if (value === "unconfined") return "seccomp=unconfined";
  try {
    const action = JSON.parse(value).defaultAction;
    return action === "SCMP_ACT_ALLOW" || action === "SCMP_ACT_LOG" ? "seccomp=unconfined" : "seccomp=profile";
  } catch {
    return "seccomp=profile";
  }
}
function securityOpt(opt) {
  const m = /^([a-z-]+)[=:]([^]*)$/.exec(opt);
  if (!m) return opt;
  return m[1] === "seccomp" ? seccompOpt(m[2]) : `${m[1]}=${m[2]}`;
}
function systemPathsUnconfined(host) {
  const ro = host.ReadonlyPaths;
  const masked2 = host.MaskedPaths;
  return Array.isArray(ro) && !ro.includes("/proc/sys") || Array.isArray(masked2) && masked2.length === 0;
}
function securityOpts(host) {
  const opts = strings(host.SecurityOpt).map(securityOpt);
  return systemPathsUnconfined(host) && !opts.includes("systempaths=unconfined") ? [...opts, "systempaths=unconfined"] : opts;
}
function optionalFacts(host) {
  const facts = {};
  const set = (key, value) => {
    if (value !== void 0 && !(Array.isArray(value) && value.length === 0)) facts[key] = value;
  };
  set("pid_mode", optional(host.PidMode));
  set("network_mode", optional(host.NetworkMode));
  set("device_cgroup_rules", strings(host.DeviceCgroupRules));
  set("security_opt", securityOpts(host));
  set("userns_mode", optional(host.UsernsMode));
  set("ipc_mode", optional(host.IpcMode));
  set("cgroupns_mode", optional(host.CgroupnsMode));
  set("volumes_from", strings(host.VolumesFrom));
  return facts;
}
var CREATE_FIELDS = ["Image", "HostConfig"];
var HOST_FIELDS = [
  "Privileged",
  "PidMode",
  "NetworkMode",
  "Binds",
  "Mounts",
  "CapAdd",
  "Devices",
  "DeviceCgroupRules",
  "SecurityOpt",
  "UsernsMode",
  "IpcMode",
  "CgroupnsMode",
  "VolumesFrom",
  "MaskedPaths",
  "ReadonlyPaths"
];
var MOUNT_FIELDS = ["Type", "Source", "VolumeOptions"];
var EXEC_FIELDS = ["Privileged", "User", "Cmd"];
var foldKey = (key) => key.toUpperCase().toLowerCase();
function respelled(obj, fields) {
  if (typeof obj !== "object" || obj === null || Array.isArray(obj)) return void 0;
  for (const key of Object.keys(obj)) {
    if (fields.includes(key)) continue;
    const field = fields.find((f) => foldKey(f) === foldKey(key));
    if (field !== void 0) return field;
  }
  return void 0;
}
function respelledCreate(parsed2) {
  const host = parsed2.HostConfig;
  const mounts = Array.isArray(host?.Mounts) ? host.Mounts : [];
  const devices = Array.isArray(host?.Devices) ? host.Devices : [];
  const volumeOptions = mounts.map((m) => m?.VolumeOptions);
  const field = respelled(parsed2, CREATE_FIELDS) ?? respelled(host, HOST_FIELDS) ?? mounts.map((m) => respelled(m, MOUNT_FIELDS)).find(Boolean) ?? volumeOptions.map((v) => respelled(v, ["DriverConfig"])).find(Boolean) ?? volumeOptions.map((v) => respelled(v?.DriverConfig, ["Options"])).find(Boolean) ?? devices.map((d) => respelled(d, ["PathOnHost"])).find(Boolean);
  return field === void 0 ? void 0 : `a key dockerd reads as ${field}, spelled otherwise`;
}
function readCreate(body, name) {
  let parsed2;
  try {
    parsed2 = JSON.parse(body?.toString("utf8") || "{}");
  } catch {
    return "an unreadable create body";
  }
  if (typeof parsed2 !== "object" || parsed2 === null) return "an unreadable create body";
  const respelledKey = respelledCreate(parsed2);
  if (respelledKey) return respelledKey;
  const host = parsed2.HostConfig ?? {};
  if (typeof host !== "object" || host === null) return "an unreadable HostConfig";
  const devices = Array.isArray(host.Devices) ? host.Devices.map((d) => d?.PathOnHost) : [];
  return {
    image: typeof parsed2.Image === "string" ? parsed2.Image : "",
    ...name ? { name } : {},
    privileged: host.Privileged === true,
    binds: bindSources(host),
    cap_add: strings(host.CapAdd),
    devices: strings(devices),
    ...optionalFacts(host)
  };
}
function volumesFrom(facts) {
  return (facts.volumes_from ?? []).map((v) => v.replace(/:(ro|rw)$/, ""));
}
function pidContainer(facts) {
  return facts.pid_mode?.startsWith("container:") ? facts.pid_mode.slice("container:".length) : void 0;
}
function judgeIsolation(facts, ctx, lookups) {
  if (facts.privileged) return refuse("--privileged");
  if (facts.pid_mode === "host") return refuse("--pid=host");
  if (lookups.pidJoinsHost) return refuse(`--pid=${facts.pid_mode} (a privileged or host-PID container)`);
  if (facts.userns_mode === "host") return refuse("--userns=host");
  const cap2 = facts.cap_add.find((c) => DANGEROUS_CAPS.has(c.toUpperCase().replace(/^CAP_/, "")));
  if (cap2) return refuse(`--cap-add=${cap2}`);
  const opt = facts.security_opt?.find((o) => UNCONFINED.has(o));
  if (opt) return refuse(`--security-opt=${opt}`);
  const resolve3 = ctx.resolve ?? ((p) => p);
  const device = facts.devices.find((d) => !HARMLESS_DEVICES.includes(clean(resolve3(clean(d)))));
  if (device !== void 0) return refuse(`--device=${device}`);
  const rule2 = facts.device_cgroup_rules?.[0];
  if (rule2 !== void 0) return refuse(`--device-cgroup-rule=${rule2}`);
  return void 0;
}
function judgeCreate(facts, ctx, lookups = {}) {
  const isolation = judgeIsolation(facts, ctx, lookups);
  if (isolation) return isolation;
  const source = [...facts.binds, ...lookups.volumeBinds ?? []].find((s) => sensitive(s, ctx));
  if (source !== void 0) return refuse(`a bind of ${source}`);
  for (const from of lookups.volumesFrom ?? []) {
    const inherited = from.binds.find((s) => sensitive(s, ctx));
    if (inherited !== void 0) return refuse(`--volumes-from=${from.container} (a bind of ${inherited})`);
  }
  return { allowed: true };
}
var NOTHING_READ = { image: "", privileged: false, binds: [], cap_add: [], devices: [] };
function decideCreate(body, name, guard, lookups = {}) {
  const read2 = body === void 0 ? "an oversized create body" : readCreate(body, name);
  const facts = typeof read2 === "string" ? { ...NOTHING_READ, ...name ? { name } : {} } : withLookups(read2, lookups);
  const verdict = !guard ? void 0 : typeof read2 === "string" ? refuse(read2) : judgeCreate(read2, guard, lookups);
  const pinned = guard?.mode === "block" && verdict?.allowed && typeof read2 !== "string" ? pinTargets(body, read2, lookups) : void 0;
  if (pinned instanceof Buffer) return { event: { ...facts, refused: false }, body: pinned };
  const refusal = typeof pinned === "string" ? refuse(pinned) : verdict;
  if (!refusal || refusal.allowed) return { event: { ...facts, refused: false } };
  if (guard.mode === "block") return { event: { ...facts, refused: true, refusal: refusal.message } };
  return { event: { ...facts, refused: false }, wouldRefuse: refusal.option };
}
function numbersKeptExactly(text3) {
  const outsideStrings = text3.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  return (outsideStrings.match(/-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g) ?? []).every((n) => JSON.stringify(Number(n)) === n);
}
function pinTargets(body, facts, lookups) {
  const fromIds = volumesFrom(facts).map((name) => lookups.volumesFrom?.find((v) => v.container === name)?.id);
  const pid = pidContainer(facts);
  if (fromIds.length === 0 && pid === void 0) return void 0;
  const missing2 = fromIds.findIndex((id2) => id2 === void 0);
  if (missing2 >= 0) return `--volumes-from=${volumesFrom(facts)[missing2]} (no such container)`;
  if (pid !== void 0 && lookups.pidContainerId === void 0) return `--pid=container:${pid} (no such container)`;
  const text3 = body.toString("utf8");
  if (!numbersKeptExactly(text3)) return "a create body naming containers whose numbers cannot be written again exactly";
  const parsed2 = JSON.parse(text3);
  const modes = (facts.volumes_from ?? []).map((v) => /:(ro|rw)$/.exec(v)?.[0] ?? "");
  if (fromIds.length > 0) parsed2.HostConfig.VolumesFrom = fromIds.map((id2, i) => `${id2}${modes[i]}`);
  if (pid !== void 0) parsed2.HostConfig.PidMode = `container:${lookups.pidContainerId}`;
  return Buffer.from(JSON.stringify(parsed2));
}
function withLookups(facts, lookups) {
  const inherited = (lookups.volumesFrom ?? []).flatMap((v) => v.binds);
  return { ...facts, binds: [.../* @__PURE__ */ new Set([...facts.binds, ...lookups.volumeBinds ?? [], ...inherited])] };
}
function readExec(body) {
  if (body === void 0) return "an oversized exec body";
  let parsed2;
  try {
    parsed2 = JSON.parse(body.toString("utf8") || "{}");
  } catch {
    return "an unreadable exec body";
  }
  if (typeof parsed2 !== "object" || parsed2 === null) return "an unreadable exec body";
  const field = respelled(parsed2, EXEC_FIELDS);
  if (field) return `a key dockerd reads as ${field}, spelled otherwise`;
  const user = optional(parsed2.User);
  return { privileged: parsed2.Privileged === true, ...user ? { user } : {}, cmd: strings(parsed2.Cmd) };
}
function judgeExec(body) {
  const facts = readExec(body);
  if (typeof facts === "string") return refuse(facts);
  return facts.privileged ? refuse("docker exec --privileged") : { allowed: true };
}
function decideExec(body, target2, guard) {
  const read2 = readExec(body);
  const facts = typeof read2 === "string" ? { privileged: false, cmd: [] } : read2;
  const event = {
    container: target2.container,
    ...target2.id ? { container_id: target2.id } : {},
    job_container: target2.jobContainer,
    ...facts,
    refused: false
  };
  const verdict = guard ? judgeExec(body) : { allowed: true };
  if (verdict.allowed) return { event };
  if (guard.mode === "block") return { event: { ...event, refused: true, refusal: verdict.message } };
  return { event, wouldRefuse: verdict.option };
}

// src/proxy/createBody.ts
function holdBody(stream, limit) {
  return new Promise((resolve3, reject) => {
    const chunks = [];
    let size = 0;
    const stop = () => {
      stream.off("data", onData);
      stream.off("end", onEnd);
      stream.off("error", onError);
      stream.off("close", onClose);
    };
    const onData = (chunk) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size <= limit) return;
      stream.pause();
      stop();
      resolve3({ chunks, complete: false });
    };
    const onEnd = () => {
      stop();
      resolve3({ chunks, complete: true });
    };
    const onError = (err) => {
      stop();
      reject(err);
    };
    const onClose = () => onError(new Error("the client closed the connection before its request body ended"));
    stream.on("data", onData);
    stream.on("end", onEnd);
    stream.on("error", onError);
    stream.on("close", onClose);
  });
}
var heldBuffer = (held) => held.complete ? Buffer.concat(held.chunks) : void 0;
function releaseBody(held, from, to) {
  for (const chunk of held.chunks) to.write(chunk);
  if (held.complete) to.end();
  else from.pipe(to);
}

// src/proxy/upgrade.ts
import http from "node:http";
var MAX_UPGRADE_BODY = 1 << 20;
var HOP_BY_HOP = /* @__PURE__ */ new Set(["connection", "keep-alive", "transfer-encoding", "upgrade"]);
function refuseUpgrade(client, status, message) {
  if (client.destroyed) return;
  const body = JSON.stringify({ message: `cicd-sensor docker proxy: ${message}` });
  const reason = http.STATUS_CODES[status] ?? "Error";
  client.end(`HTTP/1.1 ${status} ${reason}\r
Content-Type: application/json\r
Content-Length: ${Buffer.byteLength(body)}\r
Connection: close\r
\r
${body}`);
}
function responseHead(res, keepHopByHop) {
  const lines2 = [`HTTP/1.1 ${res.statusCode} ${res.statusMessage ?? ""}`];
  for (let i = 0; i < res.rawHeaders.length; i += 2) {
    const name = res.rawHeaders[i];
    if (keepHopByHop || !HOP_BY_HOP.has(name.toLowerCase())) lines2.push(`${name}: ${res.rawHeaders[i + 1]}`);
  }
  if (!keepHopByHop) lines2.push("Connection: close");
  return `${lines2.join("\r\n")}\r
\r
`;
}
function sendBody(client, head, length, upReq, after) {
  upReq.write(head.subarray(0, length));
  let need2 = length - Math.min(length, head.length);
  if (need2 === 0) {
    upReq.end();
    after(head.subarray(length));
    return;
  }
  const onData = (chunk) => {
    const take = Math.min(need2, chunk.length);
    upReq.write(chunk.subarray(0, take));
    need2 -= take;
    if (need2 > 0) return;
    client.off("data", onData);
    client.pause();
    upReq.end();
    after(chunk.subarray(take));
  };
  client.on("data", onData);
}
function pipeRaw(client, up) {
  client.pipe(up);
  up.pipe(client);
  client.on("error", () => up.destroy());
  up.on("error", () => client.destroy());
  up.on("close", (hadError) => hadError ? client.destroy() : client.end());
  client.on("close", () => up.destroy());
}
function pipeAfterUpgrade(req, client, head, upstream) {
  const length = Number(req.headers["content-length"] ?? 0);
  if (req.headers["transfer-encoding"] !== void 0 || !Number.isSafeInteger(length) || length < 0 || length > MAX_UPGRADE_BODY) {
    refuseUpgrade(client, 400, "an upgrade request needs a Content-Length body of at most 1 MiB");
    return;
  }
  client.on("error", () => client.destroy());
  const upReq = http.request({
    agent: false,
    socketPath: upstream,
    method: req.method,
    path: req.url,
    headers: req.rawHeaders
  });
  let rest = Buffer.alloc(0);
  upReq.on("upgrade", (res, up, upHead) => {
    client.write(responseHead(res, true));
    if (upHead.length) client.write(upHead);
    if (rest.length) up.write(rest);
    pipeRaw(client, up);
    client.resume();
  });
  upReq.on("response", (res) => {
    client.pause();
    client.write(responseHead(res, false));
    res.pipe(client);
    res.on("error", () => client.destroy());
  });
  upReq.on("error", (err) => {
    if (!client.destroyed) {
      const body = JSON.stringify({ message: `cicd-sensor docker proxy: the Docker daemon at ${upstream} is unavailable: ${err.message}` });
      client.end(`HTTP/1.1 502 Bad Gateway\r
Content-Type: application/json\r
Content-Length: ${Buffer.byteLength(body)}\r
Connection: close\r
\r
${body}`);
    }
  });
  client.on("close", () => upReq.destroy());
  sendBody(client, head, length, upReq, (after) => rest = after);
}

// src/proxy/volumeGate.ts
var VolumeGate = class {
  inside = { create: 0, volume: 0 };
  waiting = { create: [], volume: [] };
  /** Resolves, once the other side is out, to the call that lets this one out (idempotent). */
  async enter(side) {
    const other = side === "create" ? "volume" : "create";
    while (this.inside[other] > 0) await new Promise((resolve3) => this.waiting[side].push(resolve3));
    this.inside[side]++;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      if (--this.inside[side] === 0) for (const wake of this.waiting[other].splice(0)) wake();
    };
  }
};

// src/proxy/server.ts
var MAX_INSPECTED_BYTES = 1 << 20;
var HEADERS_TIMEOUT_MS = 3e4;
var MAX_CONNECTIONS = 512;
function upstreamError(res, upstream, err) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify({ message: `cicd-sensor docker proxy: the Docker daemon at ${upstream} is unavailable: ${err.message}` });
  res.writeHead(502, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) });
  res.end(body);
}
function withLength(raw, length) {
  const out = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i].toLowerCase();
    if (name !== "content-length" && name !== "transfer-encoding") out.push(raw[i], raw[i + 1]);
  }
  return [...out, "Content-Length", String(length)];
}
function refuseRequest(res, message, held) {
  const body = JSON.stringify({ message });
  res.writeHead(403, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body), ...held.complete ? {} : { Connection: "close" } });
  res.end(body);
}
var DockerProxy = class {
  constructor(upstream, hooks) {
    this.upstream = upstream;
    this.hooks = hooks;
    this.agent = new http2.Agent({ keepAlive: true, socketPath: upstream });
    this.server = http2.createServer(
      { requestTimeout: 0, headersTimeout: HEADERS_TIMEOUT_MS, keepAliveTimeout: 0 },
      (req, res) => this.route(req, res)
    );
    this.server.maxConnections = MAX_CONNECTIONS;
    this.server.on("upgrade", (req, socket, head) => this.upgrade(req, socket, head));
    this.server.on("clientError", (_err, socket) => socket.destroy());
  }
  upstream;
  hooks;
  server;
  agent;
  driver;
  /** Containers created by jobs through the proxy, by full id. */
  containers = /* @__PURE__ */ new Map();
  /** Volume changes and block creates that mount named volumes, kept apart in time. */
  volumeGate = new VolumeGate();
  listen(path) {
    return new Promise((resolve3, reject) => {
      this.server.once("error", reject);
      this.server.listen(path, () => resolve3());
    });
  }
  close() {
    this.server.close();
    this.server.closeAllConnections();
    this.agent.destroy();
  }
  /** Forgets the containers of a job that ended: a later start is no longer the job's. */
  forgetJob(jobId2) {
    for (const [id2, c] of this.containers) if (c.jobId === jobId2) this.containers.delete(id2);
  }
  route(req, res) {
    const c = classify(req.method, req.url);
    if (c.kind === "container-create") {
      this.create(req, res, c);
      return;
    }
    if (c.kind === "exec-create") {
      this.exec(req, res, c);
      return;
    }
    if (c.kind === "volume-change") {
      req.pause();
      void this.volumeGate.enter("volume").then((leave) => this.forward(req, res, c, void 0, leave));
      return;
    }
    if (c.kind !== "container-start") {
      this.forward(req, res, c);
      return;
    }
    req.pause();
    this.restage(c.container).catch((err) => this.hooks.log(`docker proxy: ${c.kind} of ${c.container}: ${err.message}`)).finally(() => this.forward(req, res, c));
  }
  /** The job of a request's caller (SO_PEERCRED), with the caller's pid; undefined when it is no job's. */
  caller(req) {
    const pid = peerPid(req.socket);
    const jobId2 = pid === void 0 ? void 0 : this.hooks.jobOfPid(pid);
    return jobId2 === void 0 ? void 0 : { jobId: jobId2, pid };
  }
  /** Tells the tracker of a job's request; a failure there loses the event, never the request. */
  record(caller, record2) {
    try {
      this.hooks.recorded(caller.jobId, caller.pid, record2);
    } catch (err) {
      this.hooks.log(`docker proxy: the ${record2.kind} event of job ${caller.jobId} was lost: ${err.message}`);
    }
  }
  /** A create by a job: held, judged, told as an event, then refused or forwarded; anyone else's goes as it comes. */
  create(req, res, c) {
    const caller = this.caller(req);
    if (caller === void 0) {
      this.forward(req, res, c);
      return;
    }
    let leave;
    holdBody(req, MAX_INSPECTED_BYTES).then(async (held) => {
      const gated = this.hooks.guardOf(caller.jobId)?.mode === "block" && namedVolumes(heldBuffer(held)).length > 0;
      if (gated) leave = await this.volumeGate.enter("create");
      this.judgeCreate(req, res, c, caller, held, await this.lookups(heldBuffer(held)), leave);
    }).catch((err) => {
      leave?.();
      this.hooks.log(`docker proxy: a create of job ${caller.jobId} was dropped: ${err.message}`);
      res.destroy();
    });
  }
  /** What dockerd knows now of the volumes and containers a create names (see CreateLookups). */
  async lookups(body) {
    const facts = body === void 0 ? void 0 : readCreate(body);
    if (facts === void 0 || typeof facts === "string") return {};
    const inspect = (name) => this.upstreamGet(`/containers/${encodeURIComponent(name)}/json`).then(inspectedContainer, () => void 0);
    const from = async (container) => {
      const found = await inspect(container);
      return { container, id: found?.id, binds: [...found?.binds ?? [], ...await this.volumeBinds(found?.volumes ?? [])] };
    };
    const pid = pidContainer(facts);
    const [volumeBinds, inherited, pidTarget] = await Promise.all([
      this.volumeBinds(namedVolumes(body)),
      Promise.all(volumesFrom(facts).map(from)),
      pid === void 0 ? void 0 : inspect(pid)
    ]);
    const pidJoinsHost = pidTarget !== void 0 && (pidTarget.hostPid || await this.joinsHostPid(pidTarget.pidContainer, 1));
    return { volumeBinds, volumesFrom: inherited, pidJoinsHost, pidContainerId: pidTarget?.id };
  }
  /**
   * Whether the PID namespace of container name (--pid=container:name) is
   * the host's: it is privileged or has --pid=host, or joined one that does
   * (followed a few links deep; a longer chain counts as the host's).
   */
  async joinsHostPid(name, depth = 0) {
    if (name === void 0) return false;
    if (depth >= 4) return true;
    const found = await this.upstreamGet(`/containers/${encodeURIComponent(name)}/json`).then(inspectedContainer, () => void 0);
    return found !== void 0 && (found.hostPid || this.joinsHostPid(found.pidContainer, depth + 1));
  }
  /** The host directories of the named local volumes, as dockerd knows them now. */
  async volumeBinds(names) {
    const devices = await Promise.all(names.map((n) => this.upstreamGet(`/volumes/${encodeURIComponent(n)}`).then(volumeDevice, () => void 0)));
    return devices.filter((d) => d !== void 0);
  }
  judgeCreate(req, res, c, caller, held, lookups, leave) {
    const decision = decideCreate(heldBuffer(held), requestedName(req.url ?? ""), this.hooks.guardOf(caller.jobId), lookups);
    this.record(caller, { kind: "container_create", container_create: decision.event });
    if (decision.wouldRefuse) {
      this.hooks.note(caller.jobId, `container-policy audit: a create with ${decision.wouldRefuse} passed; block would have refused it.`);
    }
    if (decision.event.refusal === void 0) {
      this.forward(req, res, c, decision.body ? { chunks: [decision.body], complete: true, replaced: true } : held, leave);
      return;
    }
    leave?.();
    refuseRequest(res, decision.event.refusal, held);
  }
  /**
   * A job's exec create: held whole, judged (decideExec: block refuses
   * docker exec --privileged), told as a container_exec event, then refused
   * or forwarded; anyone else's goes as it comes.
   */
  exec(req, res, c) {
    const caller = this.caller(req);
    if (caller === void 0) {
      this.forward(req, res, c);
      return;
    }
    holdBody(req, MAX_INSPECTED_BYTES).then(async (held) => {
      const id2 = await this.containerId(c.container).catch(() => void 0);
      const jobContainer = id2 !== void 0 && this.containers.get(id2)?.jobId === caller.jobId;
      const decision = decideExec(heldBuffer(held), { container: c.container, id: id2, jobContainer }, this.hooks.guardOf(caller.jobId));
      this.record(caller, { kind: "container_exec", container_exec: decision.event });
      const where = `${c.container}${id2 ? ` (${id2.slice(0, 12)})` : ""}`;
      if (!jobContainer) {
        this.hooks.note(caller.jobId, `The job ran docker exec in container ${where}, which it did not create through the proxy: what ran there is not recorded.`);
      }
      if (decision.wouldRefuse) {
        this.hooks.note(caller.jobId, `container-policy audit: ${decision.wouldRefuse} in container ${where} passed; block would have refused it.`);
      }
      if (decision.event.refusal === void 0) return this.forward(req, res, c, held);
      refuseRequest(res, decision.event.refusal, held);
    }).catch((err) => {
      this.hooks.log(`docker proxy: an exec of job ${caller.jobId} was dropped: ${err.message}`);
      res.destroy();
    });
  }
  /** Re-arms staging for a job's container before it starts again. */
  async restage(container) {
    const id2 = await this.containerId(container);
    const known = id2 === void 0 ? void 0 : this.containers.get(id2);
    if (known) this.hooks.stage(known.jobId, known.basename, known.info);
  }
  /** The full id dockerd knows a container by (name, id or id prefix), from the upstream itself. */
  async containerId(nameOrId) {
    const body = await this.upstreamGet(`/containers/${encodeURIComponent(nameOrId)}/json`);
    return createdId(body);
  }
  /** held: a job's create body, already read from req; answered: called once dockerd answered, or the request ended without. */
  forward(req, res, c, held, answered) {
    if (req.destroyed && !held) {
      answered?.();
      res.destroy();
      return;
    }
    const kind = c.kind;
    const upReq = http2.request({
      agent: this.agent,
      socketPath: this.upstream,
      method: req.method,
      path: req.url,
      headers: held?.replaced ? withLength(req.rawHeaders, heldBuffer(held).length) : req.rawHeaders
    });
    if (kind === "build") this.noteBuild(req);
    upReq.on("error", (err) => {
      answered?.();
      upstreamError(res, this.upstream, err);
    });
    upReq.on("response", (upRes) => {
      answered?.();
      if (kind === "container-create" && upRes.statusCode === 201) {
        this.relayCreate(req, res, upRes, held && heldBuffer(held));
        return;
      }
      res.writeHead(upRes.statusCode ?? 502, upRes.statusMessage, upRes.rawHeaders);
      res.flushHeaders();
      upRes.pipe(res);
      upRes.on("error", () => res.destroy());
    });
    res.on("close", () => {
      if (!res.writableFinished && (!answered || !req.complete)) upReq.destroy();
    });
    if (held) releaseBody(held, req, upReq);
    else req.pipe(upReq);
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
    const id2 = createdId(body);
    if (jobId2 === void 0 || id2 === void 0) return;
    const driver = await this.cgroupDriver();
    const container = { id: id2, name: requestedName(req.url ?? ""), image: requestedImage(requestBody) };
    const basename5 = containerCgroupBasename(id2, driver);
    this.containers.set(id2, { jobId: jobId2, basename: basename5, info: container });
    this.hooks.stage(jobId2, basename5, container);
  }
  /** Asked of the daemon once: which cgroup name a container will get. */
  async cgroupDriver() {
    if (this.driver) return this.driver;
    this.driver = cgroupDriverFromInfo(await this.upstreamGet("/info")) ?? "cgroupfs";
    return this.driver;
  }
  upstreamGet(path) {
    return new Promise((resolve3, reject) => {
      http2.get({ agent: this.agent, socketPath: this.upstream, path }, (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => resolve3(Buffer.concat(chunks)));
        res.on("error", reject);
      }).on("error", reject);
    });
  }
  /**
   * attach and exec hijack their connection. A request the proxy must see
   * whole (create, start, exec) is refused with an Upgrade header; any
   * other goes upstream as the client sent it, and becomes a raw pipe only
   * if dockerd answers 101.
   */
  upgrade(req, client, head) {
    if (mustInspect(classify(req.method, req.url))) {
      refuseUpgrade(client, 400, "this Docker API endpoint does not take an Upgrade header through the cicd-sensor docker proxy");
      return;
    }
    pipeAfterUpgrade(req, client, head, this.upstream);
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
var realpathOrSelf = (path) => {
  try {
    return realpathSync3(path);
  } catch {
    return path;
  }
};
function runnerInstall(workerPid) {
  if (workerPid === void 0) return [];
  try {
    return [dirname4(dirname4(readlinkSync3(`/proc/${workerPid}/exe`)))].filter((d) => d !== "/");
  } catch {
    return [];
  }
}
function jobGuard(policy, workerPid) {
  return {
    mode: policy.containerPolicy,
    sensitivePaths: [...policy.containerHostPaths, ...runnerInstall(workerPid)],
    allowedPaths: policy.containerJobPaths,
    resolve: realpathOrSelf
  };
}
function cgroupOfPid(pid, cgroupRoot) {
  const rel = processCgroup(pid);
  if (rel === void 0) return void 0;
  try {
    return Number(cgroupId(join5(cgroupRoot, rel)));
  } catch {
    return void 0;
  }
}
function jobOfPid(pid, cgroupRoot, tracker) {
  const id2 = cgroupOfPid(pid, cgroupRoot);
  return id2 === void 0 ? void 0 : tracker.jobOfCgroup(id2);
}
async function startDocker(opts) {
  repairInterposition(opts.socketDir);
  const upstream = resolveUpstream(opts.upstream);
  if (!upstream || !existsSync4(upstream)) {
    opts.log.info("docker proxy: no Docker daemon socket found; not started");
    return void 0;
  }
  const proxyPath = join5(opts.socketDir, "docker.sock");
  const interposed = opts.interpose;
  const forwardTo = interposed ? join5(opts.socketDir, "docker.upstream.sock") : upstream;
  const proxy = new DockerProxy(forwardTo, {
    jobOfPid: (pid) => jobOfPid(pid, opts.cgroupRoot, opts.tracker),
    stage: (jobId2, basename5, container) => {
      if (!opts.tracker.jobIds().includes(jobId2)) return;
      opts.tracker.stage(jobId2, basename5, container);
      opts.log.info(`docker proxy: staged ${basename5} (${container.image ?? "?"}) for job ${jobId2}`);
    },
    note: opts.note,
    guardOf: opts.guardOf,
    recorded: (jobId2, pid, record2) => {
      const pending = opts.tracker.snapshotProxyRecord(jobId2, pid, cgroupOfPid(pid, opts.cgroupRoot) ?? 0, record2);
      opts.settle().then(() => opts.tracker.deliverProxyRecord(pending)).catch((err) => opts.log.warn(`docker proxy: the ${record2.kind} event of job ${jobId2} was lost: ${err.message}`));
    },
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
    daemonSocket: { dev: real.dev, ino: real.ino },
    close: () => {
      if (interposition) repairInterposition(opts.socketDir);
      proxy.close();
    }
  };
}

// src/recording/jobRecording.ts
import { rmSync as rmSync4 } from "node:fs";
import { join as join8 } from "node:path";

// src/events/logWriter.ts
import { closeSync as closeSync3, writeSync as writeSync2 } from "node:fs";

// src/platform/noFollow.ts
import { closeSync as closeSync2, constants as constants2, fchmodSync, fchownSync, fsyncSync, mkdirSync as mkdirSync2, openSync as openSync2, renameSync as renameSync2, rmSync as rmSync3, writeSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { basename as basename3, dirname as dirname5, join as join6 } from "node:path";
var { O_CREAT, O_EXCL, O_NOFOLLOW, O_WRONLY, O_APPEND, O_DIRECTORY, O_RDONLY } = constants2;
var FILE_MODE = 416;
function createExclusive(path, mode2 = FILE_MODE) {
  const fd = openSync2(path, O_WRONLY | O_APPEND | O_CREAT | O_EXCL | O_NOFOLLOW, mode2);
  fchmodSync(fd, mode2);
  return fd;
}
function writeReplacing(path, data, mode2 = FILE_MODE) {
  const tmp = join6(dirname5(path), `.${basename3(path)}.${randomBytes(6).toString("hex")}.tmp`);
  const fd = createExclusive(tmp, mode2);
  try {
    const buf = typeof data === "string" ? Buffer.from(data) : data;
    for (let off = 0; off < buf.length; ) off += writeSync(fd, buf, off, buf.length - off);
    fsyncSync(fd);
  } catch (err) {
    closeSync2(fd);
    rmSync3(tmp, { force: true });
    throw err;
  }
  closeSync2(fd);
  try {
    renameSync2(tmp, path);
  } catch (err) {
    rmSync3(tmp, { force: true });
    throw err;
  }
}
function makeDirectory(path, mode2, gid) {
  mkdirSync2(path, { mode: 448 });
  const fd = openSync2(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
  try {
    if (gid !== void 0) fchownGroup(fd, gid);
    fchmodSync(fd, mode2);
  } finally {
    closeSync2(fd);
  }
}
function fchownGroup(fd, gid) {
  fchownSync(fd, process.getuid?.() ?? 0, gid);
}

// src/events/lineLayout.ts
var SHARED_KEYS = ["job", "cgroup_id", "container", "step", "process"];
var PAYLOAD_KEYS = ["network", "file", "domain", "unix_socket", "mount", "http", "access", "container_create", "container_exec"];
var fieldStart = (key) => `,"${key}":`;
var SHARED_START = fieldStart(SHARED_KEYS[0]);
var PROCESS_START = fieldStart("process");
var PAYLOAD_STARTS = PAYLOAD_KEYS.map(fieldStart);

// src/events/eventLine.ts
var Full = class extends Error {
};
var FULL = new Full();
var JsonBytes = class {
  out = Buffer.alloc(0);
  pos = 0;
  room(n) {
    if (this.pos + n > this.out.length) throw FULL;
  }
  /** Text known to be ASCII with nothing to escape (keys, numbers, our own punctuation). */
  ascii(text3) {
    const n = text3.length;
    this.room(n);
    const out = this.out;
    let pos = this.pos;
    for (let i = 0; i < n; i++) out[pos++] = text3.charCodeAt(i);
    this.pos = pos;
  }
  /** A tracked event's time, from its microseconds: the characters of its `time`, not read back from the text. */
  time(micros) {
    this.room(TIME_JSON_MAX);
    this.pos = writeTimeJson(this.out, this.pos, micros);
  }
  bytes(b) {
    this.room(b.length);
    this.out.set(b, this.pos);
    this.pos += b.length;
  }
  string(s) {
    const n = s.length;
    this.room(n + 2);
    const out = this.out;
    const start = this.pos;
    let pos = start;
    out[pos++] = 34;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 32 || c === 34 || c === 92 || c >= 128) {
        this.pos = start;
        return this.utf8(JSON.stringify(s));
      }
      out[pos++] = c;
    }
    out[pos++] = 34;
    this.pos = pos;
  }
  utf8(text3) {
    this.room(text3.length * 3);
    this.pos += this.out.write(text3, this.pos, "utf8");
  }
  /**
   * A number as JSON.stringify writes it. Non-negative safe integers, nearly
   * every number in a line (seq, pids, ports, ids), are written digit by
   * digit with no string made; the rest go through String().
   */
  number(v) {
    if (!(v >= 0 && v <= Number.MAX_SAFE_INTEGER && Math.floor(v) === v)) {
      this.ascii(Number.isFinite(v) ? String(v) : "null");
      return;
    }
    let digits = 1;
    for (let p = 10; p <= v; p *= 10) digits++;
    this.room(digits);
    const out = this.out;
    let pos = this.pos + digits;
    this.pos = pos;
    let n = v;
    do {
      out[--pos] = 48 + n % 10;
      n = Math.floor(n / 10);
    } while (n > 0);
  }
  /** Writes v and returns true, or returns false for what JSON leaves out (undefined, functions, symbols). */
  value(v) {
    switch (typeof v) {
      case "string":
        this.string(v);
        return true;
      case "number":
        this.number(v);
        return true;
      case "boolean":
        this.ascii(v ? "true" : "false");
        return true;
      case "object":
        if (v === null) this.ascii("null");
        else if (Array.isArray(v)) this.array(v);
        else this.object(v);
        return true;
      case "bigint":
        JSON.stringify(v);
        return true;
      default:
        return false;
    }
  }
  /**
   * An OpenedFile, the bulk of a busy job's lines, after its `{"path":`:
   * its keys are known and in order, so it is written without walking the
   * object, and what follows the path (access and flags, a handful of
   * combinations in a job) is copied from the text kept for them.
   */
  openedFile(f) {
    this.string(f.path);
    const tail = openTail(f);
    if (tail !== void 0) this.bytes(tail);
    else {
      this.field(',"access":', f.access);
      this.field(',"flags":', f.flags);
    }
    this.field(',"path_truncated":', f.path_truncated);
    this.field(',"target_process":', f.target_process);
    this.ascii("}");
  }
  /** `start` and the value, or nothing for what JSON leaves out. */
  field(start, v) {
    if (v === void 0 || typeof v === "function" || typeof v === "symbol") return;
    this.ascii(start);
    this.value(v);
  }
  array(a) {
    this.ascii("[");
    for (let i = 0; i < a.length; i++) {
      if (i > 0) this.ascii(",");
      if (!this.value(a[i])) this.ascii("null");
    }
    this.ascii("]");
  }
  object(o) {
    if (typeof o.toJSON === "function") return this.utf8(JSON.stringify(o));
    this.ascii("{");
    let first = true;
    for (const key in o) {
      if (!hasOwn.call(o, key)) continue;
      const value = o[key];
      if (value === void 0 || typeof value === "function" || typeof value === "symbol") continue;
      if (!first) this.ascii(",");
      this.string(key);
      this.ascii(":");
      this.value(value);
      first = false;
    }
    this.ascii("}");
  }
};
var hasOwn = Object.prototype.hasOwnProperty;
var shared = /* @__PURE__ */ new WeakMap();
function sharedJson(value) {
  let json = shared.get(value);
  if (json === void 0) {
    json = JSON.stringify(value);
    shared.set(value, json);
  }
  return json;
}
var openTails = /* @__PURE__ */ new WeakMap();
function openTail(f) {
  const flags = f.flags;
  let byAccess = openTails.get(flags);
  if (byAccess === void 0) {
    if (!Array.isArray(flags) || !Object.isFrozen(flags)) return void 0;
    openTails.set(flags, byAccess = /* @__PURE__ */ new Map());
  }
  let tail = byAccess.get(f.access);
  if (tail === void 0) {
    if (typeof f.access !== "string") return void 0;
    tail = Buffer.from(`,"access":${JSON.stringify(f.access)},"flags":${JSON.stringify(flags)}`, "utf8");
    byAccess.set(f.access, tail);
  }
  return tail;
}
var runs = /* @__PURE__ */ new WeakMap();
function sharedRun(e) {
  const run = runs.get(e.process);
  if (run && run.job === e.job && run.cgroupId === e.cgroup_id && run.container === e.container && run.step === e.step) return run;
  let text3 = `,"job":${sharedJson(e.job)},"cgroup_id":${e.cgroup_id}`;
  if (e.container !== void 0) text3 += `,"container":${sharedJson(e.container)}`;
  if (e.step !== void 0) text3 += `,"step":${sharedJson(e.step)}`;
  text3 += `,"process":${sharedJson(e.process)}`;
  const fresh = { job: e.job, cgroupId: e.cgroup_id, container: e.container, step: e.step, bytes: Buffer.from(text3, "utf8") };
  runs.set(e.process, fresh);
  return fresh;
}
var line = new JsonBytes();
var [NETWORK, FILE, DOMAIN, UNIX_SOCKET, MOUNT, HTTP, ACCESS2, CONTAINER_CREATE, CONTAINER_EXEC] = PAYLOAD_STARTS;
function payload(start, value) {
  if (value === void 0) return;
  line.ascii(start);
  line.value(value);
}
var OPENED_FILE_START = `${FILE}{"path":`;
function filePayload(file) {
  if (!(file instanceof OpenedFile)) return payload(FILE, file);
  line.ascii(OPENED_FILE_START);
  line.openedFile(file);
}
var KIND_TEXT = new Map(EVENT_KINDS.map((k) => [k, Buffer.from(`,"kind":${JSON.stringify(k)}`, "utf8")]));
function encodeLine(e, out, at) {
  line.out = out;
  line.pos = at;
  try {
    line.ascii('{"seq":');
    line.number(e.seq);
    line.ascii(',"time":');
    const micros = TrackedEvent.microsOf(e);
    if (micros === micros) line.time(micros);
    else line.value(e.time);
    const kind = KIND_TEXT.get(e.kind);
    if (kind !== void 0) line.bytes(kind);
    else {
      line.ascii(',"kind":');
      line.value(e.kind);
    }
    line.bytes(sharedRun(e).bytes);
    payload(NETWORK, e.network);
    filePayload(e.file);
    payload(DOMAIN, e.domain);
    payload(UNIX_SOCKET, e.unix_socket);
    payload(MOUNT, e.mount);
    payload(HTTP, e.http);
    payload(ACCESS2, e.access);
    payload(CONTAINER_CREATE, e.container_create);
    payload(CONTAINER_EXEC, e.container_exec);
    line.ascii("}\n");
    return line.pos;
  } catch (err) {
    if (err === FULL) return -1;
    throw err;
  } finally {
    line.out = EMPTY;
  }
}
var EMPTY = Buffer.alloc(0);
var scratch2 = Buffer.allocUnsafe(64 * 1024);
function eventLine(e) {
  for (; ; ) {
    const end = encodeLine(e, scratch2, 0);
    if (end >= 0) return scratch2.toString("utf8", 0, end);
    scratch2 = Buffer.allocUnsafe(scratch2.length * 2);
  }
}

// src/events/logWriter.ts
var NEWLINE = 10;
function countNewlines(buf, from, to) {
  let n = 0;
  for (let i = buf.indexOf(NEWLINE, from); i >= 0 && i < to; i = buf.indexOf(NEWLINE, i + 1)) n++;
  return n;
}
var FLUSH_BYTES = 256 << 10;
var EventLogWriter = class {
  constructor(path, onEvent, flushBytes = FLUSH_BYTES, open = createExclusive) {
    this.path = path;
    this.onEvent = onEvent;
    this.fd = open(path);
    this.buf = Buffer.allocUnsafe(flushBytes);
  }
  path;
  onEvent;
  fd;
  buf;
  used = 0;
  torn = false;
  written = 0;
  /** Lines that could not be written (the disk was full or failing). */
  lostOnWrite = 0;
  /** The error code of the last failed write, for the report. */
  lastWriteError;
  write(event) {
    let end = encodeLine(event, this.buf, this.used);
    if (end < 0) {
      this.flush();
      while ((end = encodeLine(event, this.buf, 0)) < 0) this.buf = Buffer.allocUnsafe(this.buf.length * 2);
    }
    this.used = end;
    this.written++;
    this.onEvent?.(event);
  }
  flush() {
    let off = 0;
    try {
      if (this.torn && this.used > 0) {
        writeSync2(this.fd, "\n");
        this.torn = false;
      }
      while (off < this.used) off += writeSync2(this.fd, this.buf, off, this.used - off);
    } catch (err) {
      this.lastWriteError = err.code ?? err.message;
      this.lostOnWrite += countNewlines(this.buf, off, this.used);
      if (off > 0 && this.buf[off - 1] !== NEWLINE) this.torn = true;
    }
    this.used = 0;
  }
  /**
   * Writes what is buffered and closes the file, without fsync: every line
   * is in the page cache once written, which is all a reader on the same
   * host (post, `cicd-sensor report`, the artifact upload) needs, and
   * survives the sensor's own crash. Only the machine's crash would lose
   * it, and a runner's machine does not outlive its job. An fsync made the
   * sensor's stop wait for the whole log to reach the disk: a 1,000,000-event
   * log is ~700 MB, ~0.3 s of the tracker's CPU and longer in wall time.
   */
  close() {
    this.flush();
    closeSync3(this.fd);
  }
};

// src/report/files.ts
import { join as join7 } from "node:path";

// src/report/escape.ts
var DEFAULT_MAX_CHARS = 200;
var INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Zl}\p{Zp}\u{E0000}-\u{E007F}\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}\u{180B}-\u{180F}\u115F\u1160\u3164\uFFA0\u034F\u17B4\u17B5\u2065]/gu;
var MAX_COMBINING_RUN = 3;
var COMBINING_RUN = new RegExp(`(\\p{M}{${MAX_COMBINING_RUN}})(\\p{M}+)`, "gu");
var NAMED_ESCAPES = { "\n": "\\n", "\r": "\\r", "	": "\\t" };
function visible(s) {
  return s.replace(INVISIBLE, escapeChar).replace(COMBINING_RUN, (_, kept, rest) => kept + [...rest].map(escapeChar).join(""));
}
function escapeChar(ch) {
  const code2 = ch.codePointAt(0);
  if (NAMED_ESCAPES[ch] !== void 0) return NAMED_ESCAPES[ch];
  return code2 <= 255 ? `\\x${hex(code2, 2)}` : `\\u{${hex(code2, 4)}}`;
}
function hex(code2, width) {
  return code2.toString(16).toUpperCase().padStart(width, "0");
}
function cap(s, max = DEFAULT_MAX_CHARS) {
  if (s.length <= max) return s;
  let end = Math.max(0, max);
  const last = s.charCodeAt(end - 1);
  if (last >= 55296 && last <= 56319) end -= 1;
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
var LINKISH = /(?:\b[a-z][a-z0-9+.-]*:\/\/|\bwww\.)[^\s<>"]*|[\w.+-]*@[\w-]+(?:[./][\w-]+)*/giu;
var inert = (s) => s.replace(MARKUP, entity);
function htmlText(s, max = DEFAULT_MAX_CHARS) {
  const text3 = plainText(s, max);
  let out = "";
  let last = 0;
  for (const m of text3.matchAll(LINKISH)) {
    out += `${inert(text3.slice(last, m.index))}<code>${inert(m[0])}</code>`;
    last = m.index + m[0].length;
  }
  return out + inert(text3.slice(last));
}
function mdCell(s, max = DEFAULT_MAX_CHARS) {
  return htmlText(s, max);
}
function mdCode(s, max = DEFAULT_MAX_CHARS) {
  return `<code>${inert(plainText(s, max))}</code>`;
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
  if (Object.is(n, -0)) return "-0";
  const m = /^(-?)(\d+)(\.\d{1,3})?$/.exec(String(n));
  if (m === null) return n.toLocaleString("en-US");
  const [, sign, digits, fraction = ""] = m;
  return `${sign}${group(digits)}${fraction}`;
}
function group(digits) {
  if (digits.length <= 3) return digits;
  const head = digits.length % 3 || 3;
  let out = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return out;
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

// src/report/view/cells.ts
var plain = (text3, tone) => tone === void 0 ? { text: text3 } : { text: text3, tone };
var stepCell = (label) => ({ text: label, max: 60 });
function timeOfDay(time) {
  if (time === void 0 || time === "") return "";
  const m = /T(\d\d:\d\d:\d\d(?:\.\d{1,3})?)/.exec(time);
  return m === null ? time : m[1];
}
var num = (n) => ({ text: n === void 0 ? "" : fmt(n), num: true });
var argvCell = (execPath, argv) => ({
  text: execPath,
  code: true,
  lines: argv.length > 0 ? [formatArgv(argv)] : []
});
function cutOf(...parts) {
  const omitted = parts.reduce((n, p) => n + p.omitted, 0);
  if (omitted === 0) return void 0;
  return {
    omitted,
    estimated: parts.some((p) => p.omittedEstimated),
    events: parts.reduce((n, p) => n + p.omittedEvents, 0)
  };
}
function mergeSamples(lists2, max) {
  const values = [];
  let extra = 0;
  for (const s of lists2) {
    if (s === void 0) continue;
    extra += s.omitted;
    for (const v of s.values) if (!values.includes(v)) values.push(v);
  }
  extra += Math.max(0, values.length - max);
  const kept = values.slice(0, max);
  return extra > 0 ? [...kept, `+${fmt(extra)} more`] : kept;
}
function moreText(hidden, cut, where = "report.json") {
  const parts = [];
  if (hidden > 0) parts.push(`${fmt(hidden)} more in ${where}`);
  if (cut !== void 0 && cut.omitted > 0) {
    const about = cut.estimated ? "about " : "";
    parts.push(`${about}${fmt(cut.omitted)} more (${fmt(cut.events)} events) only in events.ndjson`);
  }
  return parts.length === 0 ? void 0 : `\u2026and ${parts.join("; ")}.`;
}
function plural(n, one, many = `${one}s`) {
  return `${fmt(n)} ${n === 1 ? one : many}`;
}
function stepFacts(step2) {
  const parts = [plural(step2.processes, "process", "processes"), plural(step2.events, "event")];
  if (step2.findings > 0) parts.push(plural(step2.findings, "finding"));
  return parts.join(", ");
}

// src/report/htmlParts.ts
var CELL_CHARS = 300;
function text(s, max = CELL_CHARS) {
  return htmlText(s, max);
}
function code(s, max = CELL_CHARS) {
  return `<code>${htmlText(s, max)}</code>`;
}
function id(s) {
  if (!/^[a-z][a-z0-9-]*$/.test(s)) throw new Error(`not an element id: ${s}`);
  return s;
}
var toneClass = (tone) => tone === void 0 ? "" : ` class="tone-${tone}"`;
var PageBudget = class {
  constructor(left) {
    this.left = left;
  }
  left;
  /** What one part may spend: at most `cap`, and never all that is left. */
  share(cap2) {
    return Math.max(0, Math.min(cap2, this.left));
  }
  spend(bytes) {
    this.left -= bytes;
  }
};
var TABLE_BYTES = 6e5;
var byteLength = (s) => Buffer.byteLength(s, "utf8");
function cellHtml(c) {
  const max = Math.min(CELL_CHARS, c.max ?? CELL_CHARS);
  const one = (s) => c.code === true ? code(s, max) : text(s, max);
  const parts = [c.text, ...c.lines ?? []].filter((s) => s !== "").map(one);
  const inner = parts.join("<br>");
  return c.link === void 0 ? inner : `<a href="#${id(c.link)}">${inner}</a>`;
}
var PATHS_SHOWN = 50;
function firstCell(row) {
  const first = cellHtml(row.cells[0]);
  if (row.detail === void 0) return first;
  const paths2 = row.detail.lines.slice(0, PATHS_SHOWN).map((p) => `<li>${code(p)}</li>`);
  if (row.detail.more > 0) paths2.push(`<li class="more">\u2026and ${fmt(row.detail.more)} more</li>`);
  return `<details><summary>${first}</summary><ul class="paths">${paths2.join("")}</ul></details>`;
}
function rowHtml(t, row) {
  const cells = t.columns.map((col, i) => {
    const c = row.cells[i];
    const cls = [col.num === true ? "n" : "", col.nowrap === true ? "nw" : "", c?.code === true ? "c" : "", c?.tone !== void 0 ? `tone-${c.tone}` : ""].filter((x) => x !== "");
    const attr = cls.length > 0 ? ` class="${cls.join(" ")}"` : "";
    const html = c === void 0 ? "" : i === 0 ? firstCell(row) : cellHtml(c);
    return `<td${attr}>${html}</td>`;
  });
  const rowId = row.id === void 0 ? "" : ` id="${id(row.id)}"`;
  return `<tr${rowId}${toneClass(row.tone)}>${cells.join("")}</tr>`;
}
function facetSelect(t, tableId) {
  if (t.facet === void 0) return "";
  const column = t.columns[t.facet];
  const values = [...new Set(t.rows.map((r) => r.cells[t.facet]?.text ?? ""))].filter((v) => v !== "").sort();
  if (values.length < 2) return "";
  const options = values.map((v) => `<option value="${text(v)}">${text(v)}</option>`).join("");
  return ` <select data-facet="${tableId}" data-col="${t.facet}" aria-label="Show only rows whose ${column.title.toLowerCase()} is"><option value="">Any ${column.title.toLowerCase()}</option>${options}</select>`;
}
function tableHtml(t, budget) {
  const title = t.title === void 0 ? "" : `<h3>${text(t.title)}</h3>
`;
  if (t.rows.length === 0 && t.cut === void 0) return t.empty === "" ? "" : `${title}<p class="none">${text(t.empty)}</p>
`;
  const tableId = id(`t-${t.key}`);
  const limit = budget.share(TABLE_BYTES);
  const rows = [];
  let used = 0;
  for (const [i, row] of t.rows.entries()) {
    const html = rowHtml(t, row);
    const size = byteLength(html) + 1;
    if (i >= (t.pinned ?? 0) && rows.length > 0 && used + size > limit) break;
    rows.push(html);
    used += size;
  }
  budget.spend(used);
  const heads = t.columns.map((c) => `<th scope="col"${c.num === true ? ' class="n"' : ""}>${text(c.title)}</th>`);
  const more = moreText(t.rows.length - rows.length, t.cut);
  const filter = t.rows.length < 2 ? "" : `<div class="filter"><input type="search" data-table="${tableId}" placeholder="Filter ${text(t.noun)}" aria-label="Filter ${text(t.noun)}">${facetSelect(t, tableId)} <span class="count" id="${tableId}-count" aria-live="polite"></span></div>
`;
  return `${title}${filter}<div class="scroll"><table id="${tableId}"><thead><tr>${heads.join("")}</tr></thead><tbody>
${rows.join("\n")}
</tbody></table></div>
${more === void 0 ? "" : `<p class="more">${text(more, 500)}</p>
`}`;
}

// src/report/htmlPage.ts
import { createHash } from "node:crypto";
var STYLE = `
:root { color-scheme: light dark; --fg: #1f2328; --bg: #fff; --muted: #59636e; --line: #d1d9e0; --head: #f6f8fa;
  --bad: #cf222e; --bad-bg: #ffebe9; --warn: #9a6700; --warn-bg: #fff8c5; --ok: #1a7f37; --ok-bg: #dafbe1;
  --info: #0969da; --info-bg: #ddf4ff; --link: #0969da; --step: #8250df; --focus: #0969da;
  --k0: #0969da; --k1: #8c959f; --k2: #1a7f37; --k3: #bf8700; --k4: #cf222e; --k5: #8250df; --k6: #bc4c00;
  --k7: #1b7c83; --k8: #6639ba; --k9: #9a6700; --k10: #a40e26; --k11: #57606a; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1; --line: #3d444d;
  --head: #151b23; --bad: #ff7b72; --bad-bg: #3c1618; --warn: #d29922; --warn-bg: #2e2310; --ok: #3fb950;
  --ok-bg: #12261e; --info: #58a6ff; --info-bg: #121d2f; --link: #58a6ff; --step: #a371f7; --focus: #58a6ff;
  --k0: #58a6ff; --k1: #9198a1; --k2: #3fb950; --k3: #d29922; --k4: #ff7b72; --k5: #bc8cff; --k6: #f0883e;
  --k7: #39c5cf; --k8: #d2a8ff; --k9: #e3b341; --k10: #ffa198; --k11: #b1bac4; } }
* { box-sizing: border-box; }
body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg);
  margin: 0 auto; padding: .8em 2em 3em; max-width: 1600px; }
a { color: var(--link); }
:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
header h1 { font-size: 1.45em; margin: .2em 0; }
header .facts { margin: 0 0 .4em; }
nav ul { list-style: none; padding: 0; margin: .3em 0 .6em; display: flex; flex-wrap: wrap; gap: .3em 1.2em; }
h2 { font-size: 1.25em; border-bottom: 1px solid var(--line); padding-bottom: .2em; margin: 1.4em 0 .5em; }
#verdict h2 { margin-top: .6em; }
h3 { font-size: 1.05em; margin: 1.1em 0 .3em; }
pre { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--head);
  border: 1px solid var(--line); border-radius: 6px; padding: .6em 1em; overflow-x: auto; }
code { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
.headline { font-size: 1.2em; font-weight: 600; padding: .6em 1em; border-radius: 6px; border-left: 6px solid; margin: .4em 0; }
.alert { padding: .45em 1em; border-left: 4px solid; border-radius: 4px; margin: .4em 0; }
.headline.tone-ok, .alert.tone-ok { background: var(--ok-bg); border-color: var(--ok); }
.headline.tone-bad, .alert.tone-bad { background: var(--bad-bg); border-color: var(--bad); }
.headline.tone-warn, .alert.tone-warn { background: var(--warn-bg); border-color: var(--warn); }
.headline.tone-info, .alert.tone-info { background: var(--info-bg); border-color: var(--info); }
td.tone-bad, span.tone-bad { color: var(--bad); font-weight: 600; }
td.tone-warn, span.tone-warn { color: var(--warn); }
td.tone-info { color: var(--info); }
tr.tone-bad > td:first-child { box-shadow: inset 4px 0 var(--bad); }
tr.tone-warn > td:first-child { box-shadow: inset 4px 0 var(--warn); }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; margin: .3em 0 .6em; }
th, td { border: 1px solid var(--line); padding: 3px 8px; text-align: left; vertical-align: top; overflow-wrap: break-word; }
td.c { min-width: 14em; }
th { background: var(--head); position: sticky; top: 0; white-space: nowrap; }
td.n, th.n { text-align: right; white-space: nowrap; }
td.nw { white-space: nowrap; }
td code { overflow-wrap: anywhere; }
tr:target, li:target > span, li:target > details > summary, .target { background: var(--warn-bg); }
.facts, .count, .none, .more, figcaption, .activity { color: var(--muted); }
.activity::before { content: "\xB7 "; }
.filter { margin: .3em 0; display: flex; flex-wrap: wrap; gap: .4em; align-items: center; }
.filter input, .filter select, button { font: inherit; padding: 2px 6px; color: var(--fg); background: var(--bg);
  border: 1px solid var(--line); border-radius: 4px; }
.filter input { min-width: 20em; }
button { cursor: pointer; }
ul.tree, ul.tree ul { list-style: none; padding-left: 1.2em; margin: 0; }
ul.tree { padding-left: .4em; }
ul.tree li { margin: 1px 0; }
ul.paths { margin: .2em 0; padding-left: 1.2em; }
summary { cursor: pointer; }
details.event { margin: .2em 0; } details.event pre { margin: .3em 0 .6em; max-height: 32em; overflow: auto; }
details.step { margin: .3em 0; border: 1px solid var(--line); border-radius: 6px; padding: .3em .6em; }
details.step > summary .label { font-weight: 600; }
dl.glossary dt { font-weight: 600; } dl.glossary dd { margin: 0 0 .4em 1.2em; }
figure.timeline { margin: .4em 0 1em; }
svg text { font: 11px system-ui, sans-serif; fill: var(--fg); }
svg text.axis { fill: var(--muted); }
svg line.tick { stroke: var(--line); stroke-width: 1; }
svg rect.step { fill: var(--step); opacity: .85; }
svg a:focus rect.step, svg a:hover rect.step { opacity: 1; stroke: var(--fg); }
svg .mark line { stroke-width: 1.5; stroke-dasharray: 3 2; }
svg .mark.tone-bad line, svg .mark.tone-bad path { stroke: var(--bad); fill: var(--bad); }
svg .mark.tone-warn line, svg .mark.tone-warn path { stroke: var(--warn); fill: var(--warn); }
svg .mark.tone-info line, svg .mark.tone-info path { stroke: var(--info); fill: var(--info); }
${Array.from({ length: 12 }, (_, i) => `svg path.k${i} { fill: var(--k${i}); }`).join("\n")}
`;
var SCRIPT = `
'use strict';
const lower = (el) => el.textContent.toLowerCase();
function counter(id, shown, total, active) {
  const el = document.getElementById(id + '-count');
  if (el) el.textContent = active ? shown + ' of ' + total + ' shown' : '';
}
for (const table of document.querySelectorAll('table[id]')) {
  const input = document.querySelector('input[data-table="' + table.id + '"]');
  const select = document.querySelector('select[data-facet="' + table.id + '"]');
  if (!input && !select) continue;
  const rows = Array.from(table.tBodies[0].rows);
  let texts;
  const apply = () => {
    texts = texts || rows.map(lower);
    const q = input ? input.value.trim().toLowerCase() : '';
    const col = select ? Number(select.dataset.col) : -1;
    const want = select ? select.value : '';
    let shown = 0;
    rows.forEach((r, i) => {
      const facet = want === '' || (r.cells[col] && r.cells[col].textContent === want);
      r.hidden = !(facet && texts[i].includes(q));
      if (!r.hidden) shown++;
    });
    counter(table.id, shown, rows.length, q !== '' || want !== '');
  };
  if (input) input.addEventListener('input', apply);
  if (select) select.addEventListener('change', apply);
}
const lineOf = (li) => {
  const first = li.firstElementChild;
  return first.tagName === 'DETAILS' ? first.firstElementChild : first;
};
for (const input of document.querySelectorAll('input[data-tree]')) {
  const root = document.getElementById(input.dataset.tree);
  let steps;
  const index = () => Array.from(root.children).map((step) => {
    const items = Array.from(step.getElementsByTagName('li')).reverse();
    return { step, label: lower(step.firstElementChild), items, own: items.map((li) => lower(lineOf(li))) };
  });
  input.addEventListener('input', () => {
    steps = steps || index();
    const q = input.value.trim().toLowerCase();
    let shown = 0;
    for (const { step, label, items, own } of steps) {
      // Children come after their parents in document order: in reverse, a
      // match is seen before its ancestors, which it keeps visible and open.
      const keep = new Set();
      items.forEach((li, i) => {
        if (q === '' || label.includes(q) || own[i].includes(q) || keep.has(li)) {
          keep.add(li);
          const up = li.parentElement.closest('li');
          if (up) keep.add(up);
          if (q !== '' && up) up.firstElementChild.open = true;
        }
      });
      for (const li of items) li.hidden = !keep.has(li);
      step.hidden = q !== '' && keep.size === 0 && !label.includes(q);
      if (!step.hidden) shown++;
      if (q !== '' && !step.hidden) step.open = true;
    }
    counter(input.dataset.tree, shown, steps.length, q !== '');
  });
}
function setAll(id, open) {
  for (const d of document.getElementById(id).querySelectorAll('details')) d.open = open;
}
for (const b of document.querySelectorAll('button[data-expand]')) b.addEventListener('click', () => setAll(b.dataset.expand, true));
for (const b of document.querySelectorAll('button[data-collapse]')) b.addEventListener('click', () => setAll(b.dataset.collapse, false));
// A link into a closed part of the page opens what holds its target.
function reveal(hash) {
  const el = hash.length > 1 ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
  if (!el) return;
  for (let d = el; d; d = d.parentElement) if (d.tagName === 'DETAILS') d.open = true;
  el.hidden = false;
  el.scrollIntoView({ block: 'center' });
}
window.addEventListener('hashchange', () => reveal(location.hash));
for (const a of document.querySelectorAll('a[href^="#"]')) a.addEventListener('click', () => reveal(a.getAttribute('href')));
reveal(location.hash);
`;
function sha256(s) {
  return createHash("sha256").update(s, "utf8").digest("base64");
}
function page(title, body) {
  const csp = `default-src 'none'; style-src 'sha256-${sha256(STYLE)}'; script-src 'sha256-${sha256(SCRIPT)}'; base-uri 'none'; form-action 'none'`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
<script>${SCRIPT}</script>
</body>
</html>
`;
}

// src/report/htmlTimeline.ts
var WIDTH = 1200;
var LABEL = 220;
var LANE = 18;
var GAP = 6;
var MAX_STEPS = 30;
function short(s, chars = 34) {
  return text(s.length > chars ? `${s.slice(0, chars - 1)}\u2026` : s, chars + 1);
}
function duration(ms) {
  if (ms < 1e3) return `${Math.round(ms)} ms`;
  const s = ms / 1e3;
  if (s < 60) return `${Math.round(s * 10) / 10} s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m} min ${Math.round(s % 60)} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
}
function timelineHtml(t) {
  const span = Math.max(1, t.endMs - t.startMs);
  const x = (ms) => LABEL + (Math.min(Math.max(ms, t.startMs), t.endMs) - t.startMs) / span * (WIDTH - LABEL - 10);
  const steps = t.steps.slice(0, MAX_STEPS);
  const parts = [];
  let y = 24;
  parts.push(axis(t, x));
  for (const s of steps) {
    const x0 = x(s.startMs);
    const w = Math.max(2, x(s.endMs) - x0);
    parts.push(
      `<a href="#${id(s.id)}"><title>${text(s.label, 200)}: ${duration(s.endMs - s.startMs)}</title><text class="lane" x="${LABEL - 6}" y="${y + 13}" text-anchor="end">${short(s.label)}</text><rect class="step" x="${x0.toFixed(1)}" y="${y + 2}" width="${w.toFixed(1)}" height="${LANE - 4}" rx="3"/></a>`
    );
    y += LANE;
  }
  if (t.steps.length > steps.length) {
    parts.push(`<text class="lane" x="${LABEL - 6}" y="${y + 13}" text-anchor="end">\u2026and ${fmt(t.steps.length - steps.length)} more steps</text>`);
    y += LANE;
  }
  y += GAP;
  t.kinds.forEach((k, i) => {
    parts.push(kindLane(k, i, y, t, x));
    y += LANE + 2;
  });
  const top = 18;
  for (const m of t.marks) {
    const mx = x(m.ms).toFixed(1);
    parts.push(
      `<a href="#${id(m.link)}" class="mark tone-${m.tone}"><title>${text(m.label, 200)}</title><line x1="${mx}" y1="${top}" x2="${mx}" y2="${y}"/><path d="M${mx} ${top - 7} l6 6 l-6 6 l-6 -6 z"/></a>`
    );
  }
  const height = y + 4;
  const summary = `${fmt(t.steps.length)} steps and ${fmt(t.kinds.length)} kinds of events over ${duration(span)}; ${fmt(t.marks.length)} findings marked.`;
  return `<figure class="timeline"><svg viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-labelledby="timeline-title"><title id="timeline-title">Timeline: ${summary}</title>${parts.join("")}</svg><figcaption>${summary} Bars per kind show events per ${duration(t.bucketMs)}, scaled to that kind's busiest moment.</figcaption></figure>
`;
}
function axis(t, x) {
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => t.startMs + f * (t.endMs - t.startMs));
  return ticks.map((ms, i) => {
    const tx = x(ms).toFixed(1);
    const anchor = i === 0 ? "start" : i === ticks.length - 1 ? "end" : "middle";
    const label = i === 0 ? new Date(t.startMs).toISOString().slice(11, 19) : `+${duration(ms - t.startMs)}`;
    return `<line class="tick" x1="${tx}" y1="14" x2="${tx}" y2="100%"/><text class="axis" x="${tx}" y="10" text-anchor="${anchor}">${label}</text>`;
  }).join("");
}
function kindLane(k, i, y, t, x) {
  const max = Math.max(1, ...k.counts);
  const segments = [];
  k.counts.forEach((n, b) => {
    if (n === 0) return;
    const x0 = x(t.startMs + b * t.bucketMs);
    const w = Math.max(1, x(t.startMs + (b + 1) * t.bucketMs) - x0 - 0.5);
    const h = Math.max(1.5, n / max * LANE);
    segments.push(`M${x0.toFixed(1)} ${(y + LANE - h).toFixed(1)}h${w.toFixed(1)}v${h.toFixed(1)}h${(-w).toFixed(1)}z`);
  });
  return `<g><title>${text(k.kind)}: ${fmt(k.total)} events</title><text class="lane" x="${LABEL - 6}" y="${y + 13}" text-anchor="end">${text(k.kind)} \xB7 ${fmt(k.total)}</text><path class="kind k${i % 12}" d="${segments.join("")}"/></g>`;
}

// src/report/htmlTree.ts
var MAX_DEPTH = 32;
var OPEN_DEPTH = 2;
var TREES_BYTES = 15e5;
function nodeLine(n) {
  const deep = n.depth > MAX_DEPTH ? `<span class="facts">(depth ${n.depth})</span> ` : "";
  const exec = n.sameProcess ? '<span class="facts">exec \u2192</span> ' : "";
  const facts = `<span class="facts${n.tone === void 0 ? "" : ` tone-${n.tone}`}">${text(n.facts)}</span>`;
  const activity = n.activity === "" ? "" : ` <span class="activity">${text(n.activity)}</span>`;
  return `${deep}${exec}<b>${code(n.execPath)}</b> ${code(n.argv)} ${facts}${activity}`;
}
function treeList(nodes, budget) {
  const out = ['<ul class="tree">'];
  const open = [];
  let used = 0;
  let shown = 0;
  for (const n of nodes) {
    const depth = Math.min(n.depth, MAX_DEPTH);
    while (open.length > 0 && open[open.length - 1] >= depth) {
      out.push("</ul></details></li>");
      open.pop();
    }
    const line2 = nodeLine(n);
    if (shown > 0 && used + line2.length > budget) break;
    used += line2.length;
    shown++;
    if (n.hasChildren && depth < MAX_DEPTH) {
      out.push(`<li id="${id(n.id)}"><details${depth < OPEN_DEPTH ? " open" : ""}><summary>${line2}</summary><ul>`);
      open.push(depth);
    } else {
      out.push(`<li id="${id(n.id)}"><span class="node">${line2}</span></li>`);
    }
  }
  for (let i = 0; i < open.length; i++) out.push("</ul></details></li>");
  out.push("</ul>");
  return { html: out.join("\n"), shown };
}
function treesHtml(steps, cut, budget) {
  if (steps.length === 0 && cut === void 0) return '<p class="none">No processes were observed.</p>\n';
  const limit = budget.share(TREES_BYTES);
  const perStep = limit / Math.max(1, steps.length);
  const html = steps.map((step2) => {
    const { html: html2, shown } = treeList(step2.nodes, perStep);
    const more = moreText(step2.nodes.length - shown, void 0);
    const later = step2.omittedNodes > 0 ? `<p class="more">\u2026and ${fmt(step2.omittedNodes)} later processes only in events.ndjson.</p>
` : "";
    const open = step2.findings > 0 || steps.length <= 3 ? " open" : "";
    return `<details class="step" id="${id(step2.id)}"${open}><summary><span class="label">${text(step2.label, 200)}</span> <span class="facts">${text(stepFacts(step2))}${step2.firstTime === void 0 ? "" : ` \xB7 from ${text(timeOfDay(step2.firstTime))} UTC`}</span></summary>
${html2}
${more === void 0 ? "" : `<p class="more">${text(more)}</p>
`}${later}</details>`;
  });
  const body = html.join("\n");
  budget.spend(byteLength(body));
  const moreSteps = moreText(0, cut);
  return `<div class="filter"><input type="search" data-tree="trees" placeholder="Search processes" aria-label="Search processes"> <button type="button" data-expand="trees">Expand all</button> <button type="button" data-collapse="trees">Collapse all</button> <span class="count" id="trees-count" aria-live="polite"></span></div>
<div id="trees">
${body}
</div>
${moreSteps === void 0 ? "" : `<p class="more">${text(moreSteps)}</p>
`}`;
}

// src/report/view/egress.ts
var VALUES_PER_CELL = 5;
var EGRESS_STATUS = {
  blocked: "blocked",
  connected: "connected",
  unnamed: "no name seen",
  lookup: "looked up only"
};
function egressSection(model) {
  const domains = new Map(model.domains.items.map((d) => [d.name, d]));
  const byName = /* @__PURE__ */ new Map();
  for (const n of model.network.items) {
    const name = n.domain ?? n.address;
    let dest = byName.get(name);
    if (dest === void 0) {
      byName.set(name, dest = { name, named: n.domain !== void 0, entries: [], domain: domains.get(name) });
    }
    dest.entries.push(n);
  }
  const lookups = model.domains.items.filter((d) => !byName.has(d.name));
  const rows = [
    ...[...byName.values()].sort(byConcern).map(destinationRow),
    ...lookups.map(lookupRow)
  ];
  const table2 = {
    key: "egress",
    columns: [
      { title: "Destination" },
      { title: "Status", nowrap: true },
      { title: "Addresses" },
      { title: "Ports", nowrap: true },
      { title: "Connections", num: true },
      { title: "Processes" },
      { title: "Steps" },
      { title: "First seen (UTC)", nowrap: true }
    ],
    rows,
    cut: cutOf(model.network, model.domains),
    facet: 1,
    empty: "No connections and no names looked up.",
    noun: "destinations"
  };
  return { key: "egress", title: "Network egress", blocks: [{ type: "table", table: table2 }, ...policyBlocks(model)] };
}
function policyBlocks(model) {
  const egress2 = model.egress;
  if (egress2 === void 0) return [];
  const blocks = [];
  if (egress2.outside.items.length > 0 || egress2.outside.omitted > 0) {
    const rows = egress2.outside.items.map((x) => ({
      cells: [
        plain(x.destination),
        plain(x.via),
        plain(x.blocked ? "refused" : "outside the policy (audit)", x.blocked ? "bad" : "warn"),
        num(x.count),
        { text: x.execPath, code: true },
        stepCell(x.step)
      ],
      tone: x.blocked ? "bad" : "warn"
    }));
    const table2 = {
      key: "outside",
      title: "Outside the egress policy",
      columns: [
        { title: "Destination" },
        { title: "Via", nowrap: true },
        { title: "Verdict", nowrap: true },
        { title: "Attempts", num: true },
        { title: "Process" },
        { title: "Step" }
      ],
      rows,
      pinned: rows.length,
      cut: cutOf(egress2.outside),
      facet: 2,
      empty: "",
      noun: "destinations"
    };
    blocks.push({ type: "table", table: table2 });
  }
  const lines2 = egress2.recommended.trimEnd().split("\n");
  const title = "Recommended allowed-endpoints (exactly what this run used; also allowed-endpoints.txt in the artifact)";
  blocks.push({ type: "code", title, lines: lines2 });
  return blocks;
}
var blockedCount = (d) => d.entries.reduce((n, e) => n + (e.blocked ?? 0), 0);
var connections = (d) => d.entries.reduce((n, e) => n + e.count, 0);
function byConcern(a, b) {
  return Number(blockedCount(b) > 0) - Number(blockedCount(a) > 0) || Number(a.named) - Number(b.named) || connections(b) - connections(a);
}
function firstTime(times) {
  return times.filter((t) => t !== void 0).sort()[0] ?? "";
}
function destinationRow(d) {
  const blocked = blockedCount(d);
  const status = blocked > 0 ? EGRESS_STATUS.blocked : d.named ? EGRESS_STATUS.connected : EGRESS_STATUS.unnamed;
  const addresses = [...new Set(d.entries.map((e) => e.address))];
  const ports = [...new Set(d.entries.map((e) => `${e.protocol} ${e.port}`))];
  const cells = [
    plain(d.name, d.named ? void 0 : "warn"),
    plain(status, blocked > 0 ? "bad" : d.named ? void 0 : "warn"),
    listCell(addresses),
    listCell(ports),
    num(connections(d)),
    listCell(mergeSamples(d.entries.map((e) => e.processes ?? { values: [e.execPath], omitted: 0 }), VALUES_PER_CELL), true),
    { ...listCell(mergeSamples(d.entries.map((e) => e.steps ?? { values: [e.step], omitted: 0 }), VALUES_PER_CELL)), max: 60 },
    plain(timeOfDay(firstTime([...d.entries.map((e) => e.firstTime), d.domain?.firstTime])))
  ];
  return { cells, tone: blocked > 0 ? "bad" : d.named ? void 0 : "warn" };
}
function lookupRow(d) {
  const blocked = d.blocked ?? 0;
  const status = blocked > 0 ? EGRESS_STATUS.blocked : EGRESS_STATUS.lookup;
  const answers = mergeSamples([d.answers], VALUES_PER_CELL);
  const cells = [
    plain(d.name),
    plain(status, blocked > 0 ? "bad" : "info"),
    listCell(answers),
    plain(""),
    num(0),
    listCell(mergeSamples([d.processes], VALUES_PER_CELL), true),
    plain(""),
    plain(timeOfDay(d.firstTime))
  ];
  return { cells, tone: blocked > 0 ? "bad" : void 0 };
}
function listCell(values, code2 = false) {
  const [first = "", ...rest] = values;
  return { text: first, ...rest.length > 0 ? { lines: rest } : {}, ...code2 ? { code: true } : {} };
}

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
  if (root === "/") return path.startsWith("/");
  return path.startsWith(root) && (path.length === root.length || path.charCodeAt(root.length) === 47);
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
  for (const [root, group2] of roots) if (isUnder(path, root)) return group2;
  const proc = path.startsWith("/proc/") ? PROC_PID.exec(path) : null;
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
  hit(group2, key, make, arg) {
    this.parts[group2].hit(key, make, arg);
  }
  /** Regroups with the final roots, which may differ from those known while streaming. */
  capped(roots) {
    const merged = mergeCapped(FILE_GROUPS.map((g) => this.parts[g].capped((v) => ({ ...v }))));
    for (const item of merged.items) item.group = classifyPath(this.groupPath(item), item.pid, roots);
    merged.items.sort((a, b) => b.count - a.count);
    return merged;
  }
};

// src/report/view/places.ts
var newDir = (name) => ({ name, dirs: /* @__PURE__ */ new Map(), files: /* @__PURE__ */ new Map(), total: 0 });
function insert(root, input, columns) {
  const parts = input.path.split("/");
  const file = parts.pop();
  const chain = [root];
  for (const part of parts) {
    const dir2 = chain[chain.length - 1];
    let next = dir2.dirs.get(part);
    if (next === void 0) dir2.dirs.set(part, next = newDir(dir2 === root ? part : `${dir2.name}/${part}`));
    chain.push(next);
  }
  const dir = chain[chain.length - 1];
  let entry = dir.files.get(file);
  if (entry === void 0) {
    dir.files.set(file, entry = { path: input.path, counts: new Array(columns).fill(0) });
    for (const d of chain) d.total++;
  }
  entry.counts[input.op] += input.weight;
}
function collapse(dir) {
  let d = dir;
  while (d.files.size === 0 && d.dirs.size === 1) d = [...d.dirs.values()][0];
  return d;
}
function contents(dir) {
  return [...[...dir.dirs.values()].map(collapse), ...dir.files.values()];
}
var isDir = (x) => "dirs" in x;
function places(inputs, columns, maxRows, pathsPerPlace) {
  const root = newDir("");
  for (const input of inputs) insert(root, input, columns);
  let rows = contents(root);
  const closed = /* @__PURE__ */ new Set();
  for (; ; ) {
    const open = rows.filter((r) => isDir(r) && !closed.has(r)).sort((a, b) => b.total - a.total);
    const next = open.find((d) => rows.length - 1 + contents(d).length <= maxRows);
    if (next === void 0) break;
    const at = rows.indexOf(next);
    rows = [...rows.slice(0, at), ...contents(next), ...rows.slice(at + 1)];
    closed.add(next);
  }
  return rows.map((r) => isDir(r) ? dirPlace(r, columns, pathsPerPlace) : filePlace(r)).sort((a, b) => b.files - a.files);
}
function filePlace(f) {
  return { path: f.path, files: 1, counts: [...f.counts], paths: [], morePaths: 0 };
}
function dirPlace(dir, columns, pathsPerPlace) {
  const counts = new Array(columns).fill(0);
  const paths2 = [];
  const stack = [dir];
  while (stack.length > 0) {
    const d = stack.pop();
    for (const name of [...d.files.keys()].sort()) {
      const f = d.files.get(name);
      f.counts.forEach((n, i) => counts[i] += n);
      if (paths2.length < pathsPerPlace) paths2.push(f.path);
    }
    stack.push(...[...d.dirs.keys()].sort().reverse().map((k) => d.dirs.get(k)));
  }
  return { path: `${dir.name}/\u2026`, files: dir.total, counts, paths: paths2, morePaths: Math.max(0, dir.total - paths2.length) };
}

// src/report/view/files.ts
var GROUP_NAMES = {
  workspace: "workspace",
  temp: "temp",
  home: "home",
  proc: "other process (/proc)",
  system: "system"
};
var PATHS_PER_PLACE = 50;
function displayPath(path, model) {
  const roots = [
    [model.workspace, "."],
    [model.tempDir, "$RUNNER_TEMP"]
  ];
  for (const [root, name] of roots.sort((a, b) => (b[0]?.length ?? 0) - (a[0]?.length ?? 0))) {
    const trimmed = root?.replace(/\/+$/, "");
    if (trimmed && trimmed !== "/" && isUnder(path, trimmed)) return `${name}${path.slice(trimmed.length)}`;
  }
  const home = /^(\/home\/[^/]+|\/root)(?=\/|$)/.exec(path);
  return home === null ? path : `~${path.slice(home[0].length)}`;
}
function filesSection(model) {
  const blocks = [
    {
      type: "text",
      text: "Paths are summarised by place: ./ is the workspace, ~ a home directory. Expand a place on the HTML page for its paths."
    }
  ];
  const sensitive2 = sensitiveTable(model);
  if (sensitive2 !== void 0) blocks.push({ type: "table", table: sensitive2 });
  blocks.push({ type: "table", table: changesTable(model) }, { type: "table", table: readsTable(model) });
  return { key: "files", title: "Files", blocks };
}
function sensitiveTable(model) {
  const s = model.files.sensitive;
  if (s === void 0 || s.items.length === 0 && s.omitted === 0) return void 0;
  const rows = s.items.map((f) => ({
    cells: [
      { text: f.path, code: true, tone: "warn" },
      plain(f.reason),
      plain(f.operation),
      num(f.count),
      { text: f.execPath, code: true },
      stepCell(f.step)
    ],
    tone: "warn"
  }));
  return {
    key: "sensitive",
    title: "Sensitive places",
    columns: [
      { title: "Path" },
      { title: "What it holds" },
      { title: "Operation", nowrap: true },
      { title: "Times", num: true },
      { title: "First process" },
      { title: "Step" }
    ],
    rows,
    pinned: rows.length,
    cut: cutOf(s),
    empty: "None.",
    noun: "sensitive paths"
  };
}
function placeRows(model, inputs, columns) {
  const groups = new Map(inputs.map((i) => [i.path, i.group]));
  const rows = places(inputs, columns, Math.max(1, model.rowLimit), PATHS_PER_PLACE);
  return rows.map((p) => placeRow(p, groups.get(p.paths[0] ?? p.path) ?? "system"));
}
function placeRow(p, group2) {
  const cells = [
    { text: p.path, code: true },
    plain(GROUP_NAMES[group2], group2 === "proc" ? "warn" : void 0),
    num(p.files),
    ...p.counts.map((n) => num(n === 0 ? void 0 : n))
  ];
  return p.paths.length > 0 ? { cells, detail: { lines: p.paths, more: p.morePaths } } : { cells };
}
function inputsOf(model, items, op, weight) {
  return items.map((f, i) => ({ path: displayPath(f.path, model), op, weight: weight(i), group: f.group }));
}
function changesTable(model) {
  const { written, removed, moved, linked } = model.files;
  const one = () => 1;
  const inputs = [
    ...inputsOf(model, written.items, 0, one),
    ...inputsOf(model, removed.items, 1, one),
    ...inputsOf(model, moved.items.map((m) => ({ ...m, path: m.targetPath })), 2, one),
    ...inputsOf(model, linked.items.map((l) => ({ ...l, path: l.targetPath })), 3, one)
  ];
  return {
    key: "changes",
    title: "Written, removed, moved and linked",
    columns: [
      { title: "Place" },
      { title: "Where", nowrap: true },
      { title: "Files", num: true },
      { title: "Written", num: true },
      { title: "Removed", num: true },
      { title: "Moved here", num: true },
      { title: "Linked here", num: true }
    ],
    rows: sortByGroup(placeRows(model, inputs, 4)),
    cut: cutOf(written, removed, moved, linked),
    facet: 1,
    empty: "No files were changed.",
    noun: "places"
  };
}
function readsTable(model) {
  const read2 = model.files.read;
  const inputs = inputsOf(model, read2.items, 0, (i) => read2.items[i].count);
  return {
    key: "reads",
    title: "Read (the most read files, by place)",
    columns: [{ title: "Place" }, { title: "Where", nowrap: true }, { title: "Files", num: true }, { title: "Opens", num: true }],
    rows: sortByGroup(placeRows(model, inputs, 1)),
    cut: cutOf(read2),
    facet: 1,
    empty: "No files were read.",
    noun: "places"
  };
}
function sortByGroup(rows) {
  const names = FILE_GROUPS.map((g) => GROUP_NAMES[g]);
  return rows.map((row, i) => ({ row, i })).sort((a, b) => names.indexOf(a.row.cells[1].text) - names.indexOf(b.row.cells[1].text) || a.i - b.i).map(({ row }) => row);
}

// src/report/view/other.ts
function containersSection(model) {
  const c = model.containers;
  const table2 = {
    key: "containers",
    columns: [{ title: "Container" }, { title: "Name" }, { title: "Image" }, { title: "Events", num: true }],
    rows: c.items.map((x) => ({
      cells: [{ text: x.id.slice(0, 64), code: true }, plain(x.name ?? ""), plain(x.image ?? ""), num(x.count)]
    })),
    cut: cutOf(c),
    empty: "No containers were started through the sensor.",
    noun: "containers"
  };
  return { key: "containers", title: "Containers", blocks: [{ type: "table", table: table2 }] };
}
var BYPASS = "bypass: containers started this way are not attributed to the job";
function socketsSection(model) {
  const s = model.unixSockets;
  const items = [...s.items].sort((a, b) => Number(b.bypass) - Number(a.bypass));
  const table2 = {
    key: "sockets",
    columns: [
      { title: "Socket" },
      { title: "Connections", num: true },
      { title: "First process" },
      { title: "Step" },
      { title: "Note" }
    ],
    rows: items.map((u) => ({
      cells: [
        { text: u.path, code: true },
        num(u.count),
        { text: u.execPath, code: true },
        stepCell(u.step),
        plain(u.bypass ? BYPASS : "", u.bypass ? "bad" : void 0)
      ],
      ...u.bypass ? { tone: "bad" } : {}
    })),
    pinned: items.filter((u) => u.bypass).length,
    cut: cutOf(s),
    empty: "No unix sockets were reached.",
    noun: "sockets"
  };
  return { key: "sockets", title: "Unix sockets", blocks: [{ type: "table", table: table2 }] };
}
function diagnosticsSection(model) {
  return {
    key: "diagnostics",
    title: "Sensor diagnostics",
    blocks: [
      { type: "table", table: statusTable(model) },
      { type: "table", table: planTable(model) },
      { type: "table", table: kindsTable(model) }
    ]
  };
}
function ringFacts(status) {
  if (status.rings === void 0) return [["Ring buffer", binaryBytes(status.ringbufBytes)]];
  return status.rings.map((r) => [
    `Ring buffer (${r.ring})`,
    `${binaryBytes(r.bytes)}, ${fmt(r.sent)} records sent, ${fmt(r.lost)} lost`
  ]);
}
function statusTable(model) {
  const { status, events } = model;
  const attached = status.plan.filter((p) => p.mechanism !== "none").length;
  const facts = [
    ["Sensor", `${attached} of ${status.plan.length} hooks attached`],
    ["Events", fmt(events.total)],
    ["Lost records", fmt(status.lostRecords)],
    ["Undecodable records", fmt(status.undecodable)],
    ...ringFacts(status)
  ];
  const protection = protectionFact(status.plan);
  if (protection !== void 0) facts.push(protection);
  if (events.firstTime !== void 0 && events.lastTime !== void 0) {
    facts.push(["Events from", `${events.firstTime} to ${events.lastTime}`]);
  }
  if (model.startedAt !== void 0) facts.push(["Sensor started", model.startedAt]);
  if (model.endedAt !== void 0) facts.push(["Sensor ended", model.endedAt]);
  facts.push(["Report format", `version ${model.version}`]);
  return {
    key: "status",
    title: "Status",
    columns: [{ title: "Status" }, { title: "Value" }],
    rows: facts.map(([k, v]) => ({ cells: [plain(k), plain(v, k === "Lost records" && status.lostRecords > 0 ? "bad" : void 0)] })),
    pinned: facts.length,
    empty: "",
    noun: "facts"
  };
}
function protectionFact(plan) {
  const hook = plan.find((p) => p.hook === "protect_runner");
  if (hook === void 0) return void 0;
  const how = {
    lsm: "refused in the kernel (BPF LSM)",
    bpf_send_signal: "the reader is killed before it reads (bpf_send_signal)",
    none: "not available on this kernel: accesses are recorded, not stopped (see the attach plan)"
  };
  return ["Runner memory protection", how[hook.mechanism] ?? hook.mechanism];
}
function planTable(model) {
  const counters = new Map(model.status.hooks.map((h) => [h.hook, h]));
  const counterCells = (c) => c === void 0 ? [num(void 0), num(void 0), num(void 0)] : [num(c.sent), num(c.lost), num(c.suppressed)];
  const rows = model.status.plan.map((p) => {
    const c = counters.get(p.hook);
    counters.delete(p.hook);
    const unavailable = (p.unavailable ?? []).map((u) => `${u.mechanism} ${u.target}: ${u.error}`);
    const [first = "", ...rest] = unavailable;
    return {
      cells: [plain(p.hook), plain(p.mechanism, p.mechanism === "none" ? "warn" : void 0), plain(p.target), ...counterCells(c), { text: first, lines: rest }]
    };
  });
  for (const c of counters.values()) rows.push({ cells: [plain(c.hook), plain("not in plan"), plain(""), ...counterCells(c), plain("")] });
  return {
    key: "plan",
    title: "Attach plan",
    columns: [
      { title: "Hook" },
      { title: "Mechanism" },
      { title: "Target" },
      { title: "Sent", num: true },
      { title: "Lost", num: true },
      { title: "Suppressed", num: true },
      { title: "Unavailable" }
    ],
    rows,
    pinned: rows.length,
    empty: "No hooks were planned.",
    noun: "hooks"
  };
}
function kindsTable(model) {
  const byKind = model.events.byKind;
  const known = [...EVENT_KINDS];
  const kinds = [...known, ...Object.keys(byKind).filter((k) => !known.includes(k))];
  const blocked = model.events.blocked;
  const rows = kinds.map((k) => ({ cells: [plain(k), num(byKind[k] ?? 0)] }));
  if (blocked !== void 0) {
    rows.push({ cells: [plain("blocked connects"), num(blocked.connects)] }, { cells: [plain("blocked DNS questions"), num(blocked.domains)] });
  }
  return {
    key: "kinds",
    title: "Events per kind",
    columns: [{ title: "Kind" }, { title: "Events", num: true }],
    rows,
    pinned: rows.length,
    empty: "",
    noun: "kinds"
  };
}

// src/report/timeline.ts
var BUCKETS = 120;
var FIRST_BUCKET_MS = 10;
var TimeParser = class {
  second = "";
  /**
   * The least text after every text that starts with `second` (its last
   * character one higher): `time` starts with `second` exactly when it sorts
   * between the two, and two comparisons cost a fraction of startsWith,
   * which this runs once per event.
   */
  secondEnd = "";
  secondMs = 0;
  ms(time) {
    if (!(time >= this.second && time < this.secondEnd)) {
      const second = time.slice(0, 19);
      const last = second.charCodeAt(18);
      const known = second.length === 19 && last < 65535;
      this.second = known ? second : "";
      this.secondEnd = known ? second.slice(0, 18) + String.fromCharCode(last + 1) : "";
      this.secondMs = Date.parse(`${second}Z`);
    }
    return this.secondMs + (time.charCodeAt(19) === 46 ? millis(time) : 0);
  }
};
var TimeSpan = class {
  first;
  last;
  firstMicros = NaN;
  lastMicros = NaN;
  add(time, micros) {
    const known = micros === micros;
    if (this.first === void 0 || (known && this.firstMicros === this.firstMicros ? micros < this.firstMicros : time < this.first)) {
      this.first = time;
      this.firstMicros = micros;
    }
    if (this.last === void 0 || (known && this.lastMicros === this.lastMicros ? micros > this.lastMicros : time > this.last)) {
      this.last = time;
      this.lastMicros = micros;
    }
  }
};
var digit = (time, at) => {
  const d = time.charCodeAt(at) - 48;
  return d >= 0 && d <= 9 ? d : NaN;
};
function millis(time) {
  const ms = digit(time, 20) * 100 + digit(time, 21) * 10 + digit(time, 22);
  return Number.isFinite(ms) ? ms : 0;
}
var TimelineAcc = class {
  startMs;
  bucketMs = FIRST_BUCKET_MS;
  counts = /* @__PURE__ */ new Map();
  add(kind, ms) {
    if (!Number.isFinite(ms)) return;
    this.startMs ??= ms;
    let index = Math.max(0, Math.floor((ms - this.startMs) / this.bucketMs));
    while (index >= BUCKETS) {
      this.widen();
      index = Math.floor((ms - this.startMs) / this.bucketMs);
    }
    let row = this.counts.get(kind);
    if (row === void 0) this.counts.set(kind, row = new Array(BUCKETS).fill(0));
    row[index]++;
  }
  widen() {
    this.bucketMs *= 2;
    for (const row of this.counts.values()) {
      for (let i = 0; i < BUCKETS / 2; i++) row[i] = row[2 * i] + row[2 * i + 1];
      row.fill(0, BUCKETS / 2);
    }
  }
  toTimeline() {
    if (this.startMs === void 0) return void 0;
    const counts = Object.fromEntries([...this.counts].map(([k, row]) => [k, [...row]]));
    return { startMs: this.startMs, bucketMs: this.bucketMs, counts };
  }
};

// src/events/finding.ts
var SEVERITIES = ["critical", "high", "medium", "low", "info"];

// src/report/view/verdict.ts
var MAX_NOTES = 100;
var NAMES_IN_ALERT = 5;
function severityTone(s) {
  if (s === "critical" || s === "high") return "bad";
  return s === "medium" ? "warn" : "info";
}
function verdictSection(model, locate) {
  const all = model.findings ?? [];
  const findings = sortFindings(all.filter((f) => f.action !== "collect"));
  const signals = sortFindings(all.filter((f) => f.action === "collect"));
  const alerts = verdictAlerts(model);
  const blocks = [headline(model, findings, alerts), ...alerts.map((alert2) => ({ type: "alert", alert: alert2 }))];
  const ids = new Map(all.map((f, i) => [f, findingId(i)]));
  const idOf = (f) => ids.get(f) ?? "";
  const events = eventViews(model);
  const links = { locate, idOf, eventLink: (seq) => events.some((e) => e.seq === seq) ? eventId(seq) : void 0 };
  if (findings.length > 0) blocks.push({ type: "table", table: findingsTable(findings, links, "findings") });
  const glossary2 = ruleGlossary([...findings, ...signals]);
  if (glossary2.entries.length > 0) blocks.push(glossary2);
  if (signals.length > 0) blocks.push({ type: "table", table: findingsTable(signals, links, "signals") });
  if (events.length > 0) blocks.push({ type: "events", title: "The events of the findings", events });
  if (model.notes.length > 0) {
    const items = model.notes.slice(0, MAX_NOTES);
    blocks.push({ type: "list", title: "Notes", items, more: model.notes.length - items.length });
  }
  return { key: "verdict", title: "Verdict", blocks };
}
function sortFindings(findings) {
  const rank2 = (f) => {
    const i = SEVERITIES.indexOf(f.severity);
    return i < 0 ? SEVERITIES.length : i;
  };
  return [...findings].sort((a, b) => rank2(a) - rank2(b) || a.seq - b.seq);
}
function headline(model, findings, alerts) {
  const events = `${plural(model.events.total, "event")} from ${plural(model.processes.trees.items.length, "step")}`;
  if (findings.length === 0) {
    if (alerts.length === 0) {
      return { type: "headline", tone: "ok", text: `No findings. Nothing blocked, nothing lost: ${events}.` };
    }
    const tone2 = alerts.some((a) => a.tone === "bad") ? "bad" : "warn";
    return { type: "headline", tone: tone2, text: `No findings, but see ${plural(alerts.length, "warning")} below: ${events}.` };
  }
  const bySeverity2 = SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length]).filter(([, n]) => n > 0).map(([s, n]) => `${fmt(n)} ${s}`);
  const tone = findings.some((f) => severityTone(f.severity) === "bad") ? "bad" : "warn";
  return { type: "headline", tone, text: `${plural(findings.length, "finding")}: ${bySeverity2.join(", ")}. ${events}.` };
}
function verdictAlerts(model) {
  const { lostRecords, undecodable } = model.status;
  const alerts = [];
  const blocked = blockedAlert(model);
  if (blocked !== void 0) alerts.push(blocked);
  if (lostRecords > 0) alerts.push(lossAlert(model));
  if (undecodable > 0) {
    const title = `${fmt(undecodable)} records could not be decoded`;
    alerts.push({ kind: "loss", tone: "warn", title, text: " and are missing from this report." });
  }
  if (model.endedEarly) {
    const title = "The sensor stopped before the job ended";
    alerts.push({ kind: "coverage", tone: "warn", title, text: ": later activity is missing." });
  }
  for (const a of model.alerts ?? []) {
    const tone = a.kind === "coverage" ? "warn" : "bad";
    alerts.push({ kind: a.kind, tone, title: "", text: a.message });
  }
  const accesses = accessAlert(model);
  if (accesses !== void 0) alerts.push(accesses);
  if (model.unixSockets.items.some((u) => u.bypass)) {
    alerts.push({
      kind: "tamper",
      tone: "warn",
      title: "The job used the docker daemon's socket directly",
      text: ": containers started this way are not attributed to the job."
    });
  }
  return alerts;
}
function lossWhere(rings) {
  if (rings === void 0) return "the ring buffer was full";
  const full = rings.filter((r) => r.lost > 0).map((r) => r.ring);
  if (full.length === 2) return "both ring buffers were full";
  return full[0] === "priority" ? "the priority ring buffer was full" : "only file records: the priority ring lost none";
}
function lossAlert(model) {
  const { lostRecords, rings, lostByProcess = [] } = model.status;
  const where = lossWhere(rings);
  const shown = lostByProcess.slice(0, NAMES_IN_ALERT).map((p) => {
    const ops = p.fileOps > 0 ? ` and ${plural(p.fileOps, "other file record")}` : "";
    return `${p.name} (pid ${p.pid}) ${plural(p.fileOpens, "open")}${ops}`;
  });
  const more = lostByProcess.length > NAMES_IN_ALERT ? ` and ${plural(lostByProcess.length - NAMES_IN_ALERT, "more process", "more processes")}` : "";
  const whose = shown.length > 0 ? ` Lost file records by process: ${shown.join("; ")}${more}.` : "";
  return {
    kind: "loss",
    tone: "bad",
    title: `${fmt(lostRecords)} records were lost in the kernel`,
    text: ` (${where}): activity is missing from this report and from events.ndjson.${whose}`
  };
}
function blockedAlert(model) {
  const counts = model.events.blocked ?? { connects: 0, domains: 0 };
  if (counts.connects + counts.domains === 0) return void 0;
  const names = [
    ...model.network.items.filter((n) => (n.blocked ?? 0) > 0).map((n) => n.domain ?? `${n.address} port ${n.port}`),
    ...model.domains.items.filter((d) => (d.blocked ?? 0) > 0).map((d) => d.name)
  ].filter((name, i, all) => all.indexOf(name) === i);
  const shown = names.slice(0, NAMES_IN_ALERT).join(", ");
  const more = names.length > NAMES_IN_ALERT ? ` and ${fmt(names.length - NAMES_IN_ALERT)} more` : "";
  const parts = [
    counts.connects > 0 ? plural(counts.connects, "connection") : "",
    counts.domains > 0 ? plural(counts.domains, "DNS question") : ""
  ].filter((p) => p !== "");
  return {
    kind: "blocked",
    tone: "warn",
    title: `${parts.join(" and ")} blocked by the egress policy`,
    text: names.length > 0 ? `: ${shown}${more}.` : "."
  };
}
function accessAlert(model) {
  const outside = (model.accesses?.items ?? []).filter((a) => !a.inJob);
  if (outside.length === 0) return void 0;
  const times = outside.reduce((n, a) => n + a.count, 0);
  const prevented = outside.reduce((n, a) => n + a.prevented, 0);
  const targets = [...new Set(outside.map((a) => a.targetExec ?? `pid ${a.targetPid}`))];
  const named2 = targets.slice(0, NAMES_IN_ALERT).join(", ");
  const more = targets.length > NAMES_IN_ALERT ? ` and ${fmt(targets.length - NAMES_IN_ALERT)} more` : "";
  return {
    kind: "tamper",
    tone: "bad",
    title: `The job reached into processes outside it ${plural(times, "time")}`,
    text: ` (${fmt(prevented)} prevented): ${named2}${more}. See the steps.`
  };
}
var findingId = (index) => `finding-${index + 1}`;
var eventId = (seq) => `event-${seq}`;
function eventViews(model) {
  return (model.findingEvents ?? []).map((e) => {
    let parsed2;
    try {
      parsed2 = e.cut === true ? void 0 : JSON.parse(e.line);
    } catch {
      parsed2 = void 0;
    }
    const lines2 = parsed2 === void 0 ? [e.line] : JSON.stringify(parsed2, null, 2).split("\n");
    const kind = typeof parsed2?.kind === "string" ? parsed2.kind : model.findings?.find((f) => f.seq === e.seq)?.event_kind ?? "event";
    return { id: eventId(e.seq), seq: e.seq, kind, lines: lines2, cut: e.cut === true };
  });
}
function findingsTable(findings, links, key) {
  const rows = findings.map((f) => {
    const node = links.locate(f.step?.label, f.process?.pid);
    const event = links.eventLink(f.seq) ?? node;
    const response = f.response !== void 0 && f.response.kind !== "none" ? ` (${f.response.kind})` : "";
    const cells = [
      plain(f.rule_name ?? f.rule_id),
      stepCell(f.step?.label ?? ""),
      { ...argvCell(f.process?.exec_path ?? "", f.process?.argv ?? []), ...node === void 0 ? {} : { link: node } },
      plain(`${f.summary ?? ""}${response}`),
      { text: `#${f.seq}`, num: true, ...event === void 0 ? {} : { link: event } }
    ];
    if (key === "findings") cells.unshift(plain(f.severity, severityTone(f.severity)));
    return { cells, id: links.idOf(f), tone: key === "findings" ? severityTone(f.severity) : void 0 };
  });
  const columns = [{ title: "Rule" }, { title: "Step" }, { title: "Process" }, { title: "What happened" }, { title: "Event", num: true }];
  if (key === "findings") columns.unshift({ title: "Severity", nowrap: true });
  return {
    key,
    title: key === "findings" ? "Findings" : "Signals (collected, not judged)",
    columns,
    rows,
    empty: "None.",
    noun: key,
    ...key === "findings" ? { facet: 0 } : {}
  };
}
function ruleGlossary(findings) {
  const entries = /* @__PURE__ */ new Map();
  for (const f of findings) {
    const key = `${f.ruleset_id}\0${f.rule_id}`;
    if (f.description !== void 0 && !entries.has(key)) entries.set(key, { term: f.rule_name ?? f.rule_id, text: f.description });
  }
  return { type: "glossary", title: "What the rules look for", entries: [...entries.values()] };
}

// src/report/view/steps.ts
var ACTIVITY_WORDS = {
  file_open: ["file open", "file opens"],
  file_remove: ["removal", "removals"],
  file_move: ["move", "moves"],
  file_link: ["link", "links"],
  network_connect: ["connection", "connections"],
  domain: ["name lookup", "name lookups"],
  unix_socket_connect: ["unix socket connect", "unix socket connects"],
  mount: ["mount", "mounts"],
  http_request: ["HTTP request", "HTTP requests"],
  process_access: ["access to another process", "accesses to other processes"],
  container_create: ["container create", "container creates"],
  container_exec: ["docker exec", "docker execs"]
};
function compareTimes(a, b) {
  const x = a ?? "\uFFFF";
  const y = b ?? "\uFFFF";
  return x < y ? -1 : x > y ? 1 : 0;
}
function orderSteps(model) {
  const trees = model.processes.trees.items.map((tree, i) => ({ tree, i })).sort((a, b) => compareTimes(a.tree.firstTime, b.tree.firstTime) || a.i - b.i).map(({ tree }, i) => ({ tree, id: `step-${i + 1}` }));
  const byStep = new Map(trees.map((t) => [t.tree.label, t]));
  const locate = (label, pid) => {
    const step2 = byStep.get(label ?? "job") ?? (trees.length === 1 ? trees[0] : void 0);
    if (step2 === void 0) return void 0;
    if (pid === void 0) return step2.id;
    for (let i = step2.tree.nodes.length - 1; i >= 0; i--) {
      if (step2.tree.nodes[i].pid === pid) return `${step2.id}-p${i}`;
    }
    return step2.id;
  };
  return { trees, locate };
}
function stepsSection(model, ordered) {
  const findingsAt = /* @__PURE__ */ new Map();
  for (const f of model.findings ?? []) {
    if (f.action === "collect") continue;
    const at = ordered.locate(f.step?.label, f.process?.pid);
    if (at !== void 0) findingsAt.set(at, (findingsAt.get(at) ?? 0) + 1);
  }
  const steps = ordered.trees.map(({ tree, id: id2 }) => stepView(tree, id2, findingsAt));
  const timeline = timelineView(model, steps);
  const withTrees = steps.filter((s) => s.nodes.length > 0 || s.omittedNodes > 0);
  const treesCut = cutOf(model.processes.trees);
  return {
    key: "steps",
    title: "Steps",
    blocks: [
      ...timeline === void 0 ? [] : [{ type: "timeline", timeline }],
      { type: "trees", steps: withTrees, ...treesCut === void 0 ? {} : { cut: treesCut } },
      ...accessesBlocks(model),
      { type: "table", table: executablesTable(model) }
    ]
  };
}
function stepView(tree, id2, findingsAt) {
  const nodes = depthFirst(tree.nodes).map(
    ([index, depth, hasChildren]) => nodeView(tree.nodes[index], `${id2}-p${index}`, depth, hasChildren, findingsAt)
  );
  return {
    id: id2,
    label: tree.label,
    processes: tree.count,
    events: tree.events ?? tree.count,
    ...tree.firstTime === void 0 ? {} : { firstTime: tree.firstTime, lastTime: tree.lastTime },
    nodes,
    omittedNodes: tree.omitted,
    findings: [...findingsAt].filter(([at]) => at === id2 || at.startsWith(`${id2}-`)).reduce((n, [, c]) => n + c, 0)
  };
}
function depthFirst(nodes) {
  const children = /* @__PURE__ */ new Map();
  const roots = [];
  nodes.forEach((n, i) => {
    if (n.parent === void 0 || n.parent >= i) roots.push(i);
    else if (children.has(n.parent)) children.get(n.parent)?.push(i);
    else children.set(n.parent, [i]);
  });
  const out = [];
  const stack = roots.reverse().map((i) => [i, 0]);
  while (stack.length > 0) {
    const [index, depth] = stack.pop();
    const kids = children.get(index) ?? [];
    out.push([index, depth, kids.length > 0]);
    for (const child of [...kids].reverse()) stack.push([child, depth + 1]);
  }
  return out;
}
function nodeView(node, id2, depth, hasChildren, findingsAt) {
  const facts = [`pid ${node.pid}`];
  if (node.exitCode !== void 0) facts.push(`exit ${node.exitCode}`);
  if (node.exitSignal !== void 0) facts.push(`signal ${node.exitSignal}`);
  const findings = findingsAt.get(id2) ?? 0;
  if (findings > 0) facts.push(findings === 1 ? "1 finding" : `${fmt(findings)} findings`);
  const failed = (node.exitCode ?? 0) !== 0 || node.exitSignal !== void 0;
  return {
    id: id2,
    depth,
    execPath: node.execPath,
    argv: formatArgv(node.argv),
    facts: facts.join(", "),
    activity: activityText(node.activity),
    sameProcess: node.sameProcess === true,
    hasChildren,
    ...findings > 0 ? { tone: severityTone("high") } : failed ? { tone: "warn" } : {}
  };
}
function activityText(activity) {
  if (activity === void 0) return "";
  const kinds = [...EVENT_KINDS, ...Object.keys(activity).filter((k) => !EVENT_KINDS.includes(k))];
  return kinds.map((k) => [k, activity[k] ?? 0]).filter(([, n]) => n > 0).map(([k, n]) => {
    const [one, many] = ACTIVITY_WORDS[k] ?? [k.replaceAll("_", " "), `${k.replaceAll("_", " ")} events`];
    return `${fmt(n)} ${n === 1 ? one : many}`;
  }).join(", ");
}
function accessesBlocks(model) {
  const a = model.accesses;
  if (a === void 0 || a.items.length === 0 && a.omitted === 0) return [];
  const items = [...a.items].sort((x, y) => Number(x.inJob) - Number(y.inJob));
  const rows = items.map((x) => ({
    cells: [
      { text: x.execPath, code: true },
      plain([x.operation, x.request].filter((p) => p !== void 0).join(" ")),
      { text: `${x.targetExec ?? "?"} (pid ${x.targetPid})`, code: true },
      plain(x.inJob ? "the job" : "outside the job", x.inJob ? void 0 : "bad"),
      num(x.count),
      num(x.prevented),
      stepCell(x.step)
    ],
    ...x.inJob ? {} : { tone: "bad" }
  }));
  const table2 = {
    key: "accesses",
    title: "Reaching into other processes",
    columns: [
      { title: "Process" },
      { title: "Operation", nowrap: true },
      { title: "Target" },
      { title: "Target is in", nowrap: true },
      { title: "Times", num: true },
      { title: "Prevented", num: true },
      { title: "Step" }
    ],
    rows,
    pinned: items.filter((x) => !x.inJob).length,
    cut: cutOf(a),
    facet: 3,
    empty: "",
    noun: "accesses"
  };
  return [{ type: "table", table: table2 }];
}
function executablesTable(model) {
  const exes = model.processes.executables;
  return {
    key: "executables",
    title: "Executables",
    columns: [{ title: "Executable" }, { title: "Runs", num: true }, { title: "Arguments (samples)" }],
    rows: exes.items.map((x) => {
      const argv = x.argvSamples.values.map((a) => formatArgv(a));
      if (x.argvSamples.omitted > 0) argv.push(`+${fmt(x.argvSamples.omitted)} other argument lists`);
      const [first = "", ...rest] = argv;
      return { cells: [{ text: x.execPath, code: true }, num(x.count), { text: first, code: true, lines: rest }] };
    }),
    cut: cutOf(exes),
    empty: "No programs were run.",
    noun: "executables"
  };
}
function timelineView(model, steps) {
  const t = model.timeline;
  if (t === void 0) return void 0;
  const times = new TimeParser();
  const buckets = Math.max(0, ...Object.values(t.counts).map((row) => row?.length ?? 0));
  let last = 0;
  for (const row of Object.values(t.counts)) row?.forEach((n, i) => n > 0 ? last = Math.max(last, i) : void 0);
  const endMs = t.startMs + t.bucketMs * Math.min(buckets, last + 1);
  const known = [...EVENT_KINDS];
  const kinds = Object.entries(t.counts).map(([kind, counts]) => ({ kind, counts: counts ?? [], total: (counts ?? []).reduce((a, b) => a + b, 0) })).filter((k) => k.total > 0).sort((a, b) => rankOf(known, a.kind) - rankOf(known, b.kind));
  const stepSpans = steps.filter((s) => s.firstTime !== void 0).map((s) => ({ id: s.id, label: s.label, startMs: times.ms(s.firstTime ?? ""), endMs: times.ms(s.lastTime ?? "") }));
  const marks = (model.findings ?? []).map((f, i) => ({ f, link: findingId(i) })).filter(({ f }) => f.action !== "collect").map(({ f, link }) => ({
    ms: times.ms(f.time),
    tone: severityTone(f.severity),
    label: `${f.severity}: ${f.rule_name ?? f.rule_id}`,
    link
  }));
  return { startMs: t.startMs, endMs, bucketMs: t.bucketMs, kinds, steps: stepSpans, marks };
}
function rankOf(known, kind) {
  const i = known.indexOf(kind);
  return i < 0 ? known.length : i;
}

// src/report/view/build.ts
function buildView(model) {
  const job = model.job;
  const facts = [
    ["workflow", job.workflow],
    ["repository", job.repository],
    ["run", job.run_id],
    ["attempt", job.run_attempt]
  ].filter((f) => f[1] !== void 0).map(([label, value]) => ({ label, value }));
  const steps = orderSteps(model);
  return {
    title: job.name ?? job.id,
    facts,
    rowLimit: Math.max(1, model.rowLimit),
    sections: [
      verdictSection(model, steps.locate),
      egressSection(model),
      stepsSection(model, steps),
      filesSection(model),
      containersSection(model),
      socketsSection(model),
      diagnosticsSection(model)
    ]
  };
}

// src/report/html.ts
var PAGE_BYTES = 46e5;
function renderHtml(model, view = buildView(model)) {
  const budget = new PageBudget(PAGE_BYTES);
  const sections = view.sections.map((s) => section(s, budget));
  return page(`cicd-sensor report: ${text(view.title, 120)}`, `${header(view)}<main>
${sections.join("\n")}
</main>`);
}
function header(view) {
  const facts = view.facts.map((f) => `${text(f.label)} <b>${text(f.value)}</b>`).join(" \xB7 ");
  const nav = view.sections.map((s) => `<li><a href="#${id(s.key)}">${text(s.title)}</a></li>`).join("");
  return `<header>
<h1>cicd-sensor report: ${text(view.title)}</h1>
${facts === "" ? "" : `<p class="facts">${facts}</p>
`}<nav aria-label="Sections"><ul>${nav}</ul></nav>
</header>
`;
}
function section(s, budget) {
  const blocks = s.blocks.map((b) => block(b, budget)).join("");
  return `<section id="${id(s.key)}" aria-labelledby="${id(s.key)}-title">
<h2 id="${id(s.key)}-title">${text(s.title)}</h2>
${blocks}</section>`;
}
function block(b, budget) {
  switch (b.type) {
    case "headline":
      return `<p class="headline tone-${b.tone}" role="status">${text(b.text, 1e3)}</p>
`;
    case "alert": {
      const title = b.alert.title === "" ? "" : `<b>${text(b.alert.title, 300)}</b>`;
      return `<p class="alert tone-${b.alert.tone}" data-kind="${b.alert.kind}">${title}${text(b.alert.text, 1e3)}</p>
`;
    }
    case "text":
      return `<p>${text(b.text, 1e3)}</p>
`;
    case "list":
      return listHtml(b.title, b.items, b.more, budget);
    case "glossary": {
      const entries = b.entries.map((e) => `<dt>${text(e.term)}</dt><dd>${text(e.text, 2e3)}</dd>`).join("");
      return `<details><summary>${text(b.title)}</summary><dl class="glossary">${entries}</dl></details>
`;
    }
    case "code": {
      const html = `<h3>${text(b.title, 300)}</h3>
<pre>${b.lines.map((l) => text(l, 1e3)).join("\n")}</pre>
`;
      budget.spend(byteLength(html));
      return html;
    }
    case "table":
      return tableHtml(b.table, budget);
    case "trees":
      return `<h3>Process trees</h3>
${treesHtml(b.steps, b.cut, budget)}`;
    case "timeline": {
      const html = timelineHtml(b.timeline);
      budget.spend(byteLength(html));
      return html;
    }
    case "events":
      return eventsHtml(b.title, b.events, budget);
  }
}
var EVENTS_BYTES = 1e6;
function eventsHtml(title, events, budget) {
  const limit = budget.share(EVENTS_BYTES);
  const items = [];
  let used = 0;
  for (const e of events) {
    const cut = e.cut ? ' <span class="more">(cut: the whole line is in events.ndjson)</span>' : "";
    const html = `<details class="event" id="${id(e.id)}"><summary>#${e.seq} ${text(e.kind, 40)}: events.ndjson line ${fmt(e.seq + 1)}${cut}</summary><pre>${e.lines.map((l) => text(l, 2e4)).join("\n")}</pre></details>`;
    if (used + byteLength(html) > limit) {
      items.push(`<p class="more">\u2026and ${fmt(events.length - items.length)} more events in events.ndjson (by seq).</p>`);
      break;
    }
    items.push(html);
    used += byteLength(html);
  }
  budget.spend(used);
  return `<h3>${text(title)}</h3>
<div class="events">
${items.join("\n")}
</div>
`;
}
function listHtml(title, items, more, budget) {
  const lis = items.map((n) => `<li>${text(n, 500)}</li>`);
  if (more > 0) lis.push(`<li class="more">\u2026and ${fmt(more)} more in report.json</li>`);
  const html = `<h3>${text(title)}</h3>
<ul${toneClass(void 0)}>
${lis.join("\n")}
</ul>
`;
  budget.spend(byteLength(html));
  return html;
}

// src/report/markdown.ts
var DEFAULT_MAX_BYTES = 1e6;
function renderMarkdown(model, opts = {}, view = buildView(model)) {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let budget = fullBudget(view);
  for (; ; ) {
    const pieces = renderPieces(view, budget, opts);
    const size = piecesBytes(pieces);
    if (size <= maxBytes) return joinPieces(pieces);
    if (budget.rows === 1 && budget.treeNodes === 1) return fitPieces(model, pieces, maxBytes);
    budget = shrink(budget, maxBytes / size);
  }
}
function fullBudget(view) {
  const steps = view.sections.flatMap((s) => s.blocks).flatMap((b) => b.type === "trees" ? b.steps : []);
  return { rows: view.rowLimit, treeNodes: Math.max(1, ...steps.map((s) => s.nodes.length)) };
}
function shrink(budget, ratio) {
  const factor = Math.min(0.5, ratio);
  return {
    rows: Math.max(1, Math.floor(budget.rows * factor)),
    treeNodes: Math.max(1, Math.floor(budget.treeNodes * factor))
  };
}
function renderPieces(view, budget, opts) {
  const pieces = [{ title: "Header", text: header2(view), keep: true }];
  for (const section2 of view.sections) {
    const verdict = section2.key === "verdict";
    pieces.push({ title: section2.title, text: `## ${section2.title}
`, keep: verdict });
    for (const block2 of section2.blocks) {
      const keep = verdict && (block2.type === "headline" || block2.type === "alert");
      pieces.push(...blockPieces(section2.title, block2, budget).map((p) => ({ ...p, keep })));
    }
    if (section2.key === "verdict" && opts.artifactNote !== void 0) {
      pieces.push({ title: "Artifact", text: `${htmlText(opts.artifactNote, 500)}
` });
    }
  }
  return pieces.filter((p) => p.text !== "");
}
function header2(view) {
  const facts = view.facts.map((f) => `${f.label} <b>${htmlText(f.value)}</b>`).join(" \xB7 ");
  return `# cicd-sensor report: ${htmlText(view.title)}
${facts === "" ? "" : `
${facts}
`}`;
}
function blockPieces(section2, block2, budget) {
  switch (block2.type) {
    case "headline":
      return [{ title: section2, text: callout(block2.tone, `<b>${htmlText(block2.text, 1e3)}</b>`) }];
    case "alert":
      return [{ title: section2, text: alert(block2.alert) }];
    case "text":
      return [{ title: section2, text: `${htmlText(block2.text, 1e3)}
` }];
    case "list":
      return [{ title: block2.title, text: list(block2.title, block2.items, block2.more) }];
    case "glossary":
      return [{ title: block2.title, text: glossary(block2) }];
    case "code":
      return [{ title: block2.title, text: `<b>${htmlText(block2.title, 300)}</b>

<pre>
${block2.lines.map((l) => htmlText(l, 1e3)).join("\n")}
</pre>
` }];
    case "table":
      return [{ title: block2.table.title ?? section2, text: table(block2.table, budget.rows) }];
    case "trees":
      return block2.steps.map((s) => ({ title: `Process tree of ${s.label}`, text: stepTree(s, budget.treeNodes) }));
    case "timeline":
    case "events":
      return [];
  }
}
var CALLOUTS = { bad: "CAUTION", warn: "WARNING", ok: "TIP", info: "NOTE" };
function callout(tone, html) {
  return `> [!${CALLOUTS[tone]}]
> ${html}
`;
}
function alert(a) {
  const title = a.title === "" ? "" : `<b>${htmlText(a.title, 300)}</b>`;
  return callout(a.tone, `${title}${htmlText(a.text, 1e3)}`);
}
function list(title, items, more) {
  const lines2 = items.map((n) => `- ${htmlText(n, 500)}`);
  if (more > 0) lines2.push(`- \u2026and ${fmt(more)} more in report.json`);
  return `<b>${htmlText(title)}</b>

${lines2.join("\n")}
`;
}
function glossary(block2) {
  const lines2 = block2.entries.map((e) => `- <b>${htmlText(e.term)}</b>: ${htmlText(e.text, 1e3)}`);
  return `<details><summary>${htmlText(block2.title)}</summary>

${lines2.join("\n")}

</details>
`;
}
function cell(c) {
  const max = Math.min(120, c.max ?? 120);
  const one = (s) => c.code === true ? mdCode(s, max) : mdCell(s, max);
  const text3 = [c.text, ...c.lines ?? []].filter((s) => s !== "").map(one).join("<br>");
  return c.tone === "bad" && text3 !== "" ? `<b>${text3}</b>` : text3;
}
function table(t, rows) {
  const title = t.title === void 0 ? "" : `### ${t.title}

`;
  if (t.rows.length === 0 && t.cut === void 0) return t.empty === "" ? "" : `${title}_${t.empty}_
`;
  const shown = t.rows.slice(0, Math.max(rows, t.pinned ?? 0));
  const line2 = (cells) => `| ${cells.join(" | ")} |`;
  const lines2 = [
    line2(t.columns.map((c) => c.title)),
    line2(t.columns.map((c) => c.num === true ? "---:" : "---")),
    ...shown.map((r) => line2(t.columns.map((_, i) => r.cells[i] === void 0 ? "" : cell(r.cells[i]))))
  ];
  const more = moreText(t.rows.length - shown.length, t.cut, "report.json and report.html");
  return `${title}${lines2.join("\n")}
${more === void 0 ? "" : `
_${more}_
`}`;
}
var MAX_DEPTH2 = 10;
function stepTree(step2, maxNodes) {
  const shown = step2.nodes.slice(0, maxNodes);
  const lines2 = shown.map((n) => {
    const indent = "  ".repeat(Math.min(n.depth, MAX_DEPTH2));
    const deep = n.depth > MAX_DEPTH2 ? `(depth ${n.depth}) ` : "";
    const exec = n.sameProcess ? "exec \u2192 " : "";
    const activity = n.activity === "" ? "" : ` \xB7 ${n.activity}`;
    const facts = n.tone === "bad" ? `<b>${n.facts}</b>` : n.facts;
    return `${indent}- ${deep}${exec}${mdCode(n.execPath)} ${mdCode(n.argv)} \xB7 ${facts}${activity}`;
  });
  const more = moreText(step2.nodes.length - shown.length, void 0, "report.json and report.html");
  const later = step2.omittedNodes > 0 ? `
_\u2026and ${fmt(step2.omittedNodes)} later processes only in events.ndjson._
` : "";
  const summary = `${htmlText(step2.label, 120)} \u2014 ${stepFacts(step2)}`;
  return `<details><summary>${summary}</summary>

${lines2.join("\n")}
${more === void 0 ? "" : `
_${more}_
`}${later}
</details>
`;
}
function joinPieces(pieces) {
  return pieces.map((p) => p.text).join("\n");
}
var byteLength2 = (s) => Buffer.byteLength(s, "utf8");
var SEPARATOR_BYTES = 1;
var TITLES_IN_NOTE = 5;
function piecesBytes(pieces) {
  return pieces.reduce((n, p) => n + byteLength2(p.text) + SEPARATOR_BYTES, -SEPARATOR_BYTES);
}
function fitPieces(model, pieces, maxBytes) {
  const kept = new Set(pieces.filter((p) => p.keep === true));
  let used = [...kept].reduce((n, p) => n + SEPARATOR_BYTES + byteLength2(p.text), 0);
  const optional2 = pieces.filter((p) => p.keep !== true);
  for (const piece of optional2) {
    const size = SEPARATOR_BYTES + byteLength2(piece.text);
    if (used + size <= maxBytes) {
      kept.add(piece);
      used += size;
    }
  }
  const dropped2 = () => optional2.filter((p) => !kept.has(p));
  let note = truncationNote(optional2, dropped2(), maxBytes);
  for (let i = optional2.length - 1; i >= 0 && used + SEPARATOR_BYTES + byteLength2(note) > maxBytes; i--) {
    if (!kept.delete(optional2[i])) continue;
    used -= SEPARATOR_BYTES + byteLength2(optional2[i].text);
    note = truncationNote(optional2, dropped2(), maxBytes);
  }
  const [head, ...rest] = pieces.filter((p) => kept.has(p));
  const text3 = joinPieces([head, { title: "Left out", text: note }, ...rest]);
  return byteLength2(text3) <= maxBytes ? text3 : fallback(model, maxBytes);
}
function truncationNote(all, dropped2, maxBytes) {
  const gone = new Set(dropped2);
  const inOrder = [...new Set(all.filter((p) => gone.has(p)).map((p) => htmlText(p.title, 60)))];
  const named2 = inOrder.slice(0, TITLES_IN_NOTE).join(", ");
  const more = inOrder.length > TITLES_IN_NOTE ? ` and ${inOrder.length - TITLES_IN_NOTE} more` : "";
  return `> [!NOTE]
> Left out to keep this summary under ${fmt(maxBytes)} bytes: ${named2}${more}. report.json and report.html have everything.
`;
}
function fallback(model, maxBytes) {
  const lost = model.status.lostRecords;
  const text3 = "# cicd-sensor report\n\n" + (lost > 0 ? `**${lost} records were lost in the kernel.**

` : "") + "The report is too large for the step summary; see report.json.\n";
  return text3.slice(0, Math.max(0, maxBytes));
}

// src/report/files.ts
var ALLOWED_ENDPOINTS_FILE = "allowed-endpoints.txt";
function writeReportFiles(dir, model, view = buildView(model)) {
  const paths2 = {
    events: join7(dir, "events.ndjson"),
    summary: join7(dir, "summary.md"),
    report: join7(dir, "report.json"),
    html: join7(dir, "report.html")
  };
  writeReplacing(paths2.summary, renderMarkdown(model, {}, view));
  writeReplacing(paths2.report, JSON.stringify(model, null, 2) + "\n");
  writeReplacing(paths2.html, renderHtml(model, view));
  if (model.egress) writeReplacing(join7(dir, ALLOWED_ENDPOINTS_FILE), model.egress.recommended);
  return paths2;
}

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
    const rank2 = min(clz32(h << bits >>> 0) + 1, 33 - bits);
    const registers = this.registers;
    if (rank2 > registers[index]) registers[index] = rank2;
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
  hit(key, make, arg) {
    const h = hash53(key);
    let entry = this.entries.get(h);
    if (entry === void 0) {
      if (this.entries.size >= this.limit) {
        this.overflow.addHash(h);
        this.overflowEvents++;
        return void 0;
      }
      entry = make(arg);
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
var HashIndex = class {
  hashes;
  /** position + 1 per slot; 0: empty */
  slots;
  mask;
  constructor(capacity) {
    const size = 2 ** Math.ceil(Math.log2(Math.max(8, capacity)));
    this.hashes = new Float64Array(size);
    this.slots = new Int32Array(size);
    this.mask = size - 1;
  }
  /** The position kept for h, or -1. */
  get(h) {
    for (let i = h >>> 0 & this.mask; ; i = i + 1 & this.mask) {
      const slot = this.slots[i];
      if (slot === 0) return -1;
      if (this.hashes[i] === h) return slot - 1;
    }
  }
  /** Keeps position for h, which is not in the index. */
  set(h, position) {
    let i = h >>> 0 & this.mask;
    while (this.slots[i] !== 0) i = i + 1 & this.mask;
    this.hashes[i] = h;
    this.slots[i] = position + 1;
  }
  clear() {
    this.slots.fill(0);
  }
};
var TopCounted = class {
  constructor(keep) {
    this.keep = keep;
    this.keptIndex = new HashIndex(4 * keep);
    this.freshIndex = new HashIndex(4 * keep);
  }
  keep;
  kept = [];
  keptHashes = [];
  keptIndex;
  fresh = [];
  freshHashes = [];
  freshIndex;
  /** The highest count in `fresh`. */
  freshMax = 0;
  seen = new DistinctCounter(LARGE);
  events = 0;
  hit(key, make, arg) {
    const h = hash53(key);
    this.events++;
    this.seen.addHash(h);
    const k = this.keptIndex.get(h);
    if (k >= 0) {
      const entry2 = this.kept[k];
      entry2.count++;
      return entry2;
    }
    const f = this.freshIndex.get(h);
    let entry;
    if (f >= 0) entry = this.fresh[f];
    else {
      if (this.kept.length + this.fresh.length >= 2 * this.keep) this.prune();
      entry = make(arg);
      this.freshIndex.set(h, this.fresh.length);
      this.fresh.push(entry);
      this.freshHashes.push(h);
    }
    if (++entry.count > this.freshMax) this.freshMax = entry.count;
    return entry;
  }
  prune() {
    let least = this.kept.length >= this.keep ? Infinity : -1;
    for (const entry of this.kept) {
      if (entry.count > least) {
        least = -1;
        break;
      }
      least = entry.count;
    }
    if (this.freshMax > least) this.keepTop();
    this.fresh.length = 0;
    this.freshHashes.length = 0;
    this.freshIndex.clear();
    this.freshMax = 0;
  }
  /** `kept` becomes the `keep` most counted of both parts (a stable sort: ties keep the older). */
  keepTop() {
    const both = [...this.kept.keys()].map((i) => ({ h: this.keptHashes[i], v: this.kept[i] }));
    this.fresh.forEach((v, i) => both.push({ h: this.freshHashes[i], v }));
    const top = both.sort((a, b) => b.v.count - a.v.count).slice(0, this.keep);
    this.kept = top.map((e) => e.v);
    this.keptHashes = top.map((e) => e.h);
    this.keptIndex.clear();
    top.forEach((e, i) => this.keptIndex.set(e.h, i));
  }
  capped(toItem) {
    const all = [...this.kept, ...this.fresh].sort((a, b) => b.count - a.count);
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

// src/report/accumulators.ts
var MAX_SOURCES = 8;
var NetAcc = class {
  count = 0;
  blocked = 0;
  processes;
  steps;
  first;
  constructor(e, n, step2, sampleLimit) {
    this.processes = new SampleSet(sampleLimit);
    this.steps = new SampleSet(sampleLimit);
    this.first = {
      protocol: n.protocol,
      family: n.family,
      address: clip2(n.address),
      port: n.port,
      ...n.domain === void 0 ? {} : { domain: clip2(n.domain) },
      execPath: clip2(e.process.exec_path),
      step: clip2(step2),
      firstTime: e.time
    };
  }
  add(e, step2) {
    if (e.network?.blocked === true) this.blocked++;
    this.processes.add(e.process.exec_path, () => clip2(e.process.exec_path));
    this.steps.add(step2, () => clip2(step2));
  }
  toEntry() {
    return {
      ...this.first,
      count: this.count,
      blocked: this.blocked,
      processes: this.processes.toSamples(),
      steps: this.steps.toSamples()
    };
  }
};
var DomainAcc = class {
  constructor(name, firstTime2, sampleLimit) {
    this.name = name;
    this.firstTime = firstTime2;
    this.queryTypes = new SampleSet(sampleLimit);
    this.answers = new SampleSet(sampleLimit);
    this.processes = new SampleSet(sampleLimit);
  }
  name;
  firstTime;
  count = 0;
  blocked = 0;
  sources = [];
  queryTypes;
  answers;
  processes;
  add(d, execPath) {
    if (d.blocked === true) this.blocked++;
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
      processes: this.processes.toSamples(),
      blocked: this.blocked,
      firstTime: this.firstTime
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
  /** Events of the step, counted by the collector that keeps steps. */
  count = 0;
  execs = 0;
  span = new TimeSpan();
  nodes = [];
  latestByPid = /* @__PURE__ */ new Map();
  omitted = 0;
  /** Every event of the step (`micros`: TrackedEvent.microsOf): its time span, and what each process did. */
  addEvent(e, micros) {
    this.span.add(e.time, micros);
    if (e.kind === "process_exec") return this.addExec(e.process);
    if (e.kind === "process_exit") return this.addExit(e.process);
    const index = this.latestByPid.get(e.process.pid);
    if (index === void 0) return;
    const activity = this.nodes[index].activity ??= {};
    activity[e.kind] = (activity[e.kind] ?? 0) + 1;
  }
  addExec(p) {
    this.execs++;
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
    const nodes = this.nodes.map((n) => ({
      ...n,
      argv: [...n.argv],
      ...n.activity === void 0 ? {} : { activity: { ...n.activity } }
    }));
    return {
      label: this.label,
      count: this.execs,
      nodes,
      omitted: this.omitted,
      events: this.count,
      ...this.span.first === void 0 ? {} : { firstTime: this.span.first, lastTime: this.span.last }
    };
  }
};

// src/policy/endpoints.ts
import { isIPv4, isIPv6 } from "node:net";
var PolicyError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "PolicyError";
  }
};
var ACCEPTED_FORMS = "name:port, *.name:port (any depth of subdomain), name (any port), 1.2.3.4, 1.2.3.4:443, 10.0.0.0/8, [2001:db8::1]:443, 2001:db8::1, 2001:db8::/32";
var LABEL2 = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;
function bad(entry, why) {
  return new PolicyError(`allowed-endpoints entry "${entry}": ${why}; accepted: ${ACCEPTED_FORMS}`);
}
function parsePort(entry, text3) {
  if (!/^\d{1,5}$/.test(text3) || Number(text3) < 1 || Number(text3) > 65535) throw bad(entry, `port "${text3}" is not 1-65535`);
  return Number(text3);
}
function normalName(text3) {
  const name = text3.toLowerCase().replace(/\.$/, "");
  if (name.length === 0 || name.length > 253) return void 0;
  return name.split(".").every((l) => LABEL2.test(l)) ? name : void 0;
}
function ipv4Bytes(text3) {
  return Buffer.from(text3.split(".").map(Number));
}
function ipv6Bytes(text3) {
  const out = Buffer.alloc(16);
  let body = text3;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(body);
  if (v4) body = body.slice(0, -v4[1].length) + "0:0";
  const [head, tail] = body.includes("::") ? body.split("::") : [body, void 0];
  const words = (s) => s ? s.split(":").map((w) => parseInt(w, 16)) : [];
  const h = words(head);
  const t = words(tail);
  const all = [...h, ...Array(8 - h.length - t.length).fill(0), ...t];
  all.forEach((w, i) => out.writeUInt16BE(w, i * 2));
  if (v4) ipv4Bytes(v4[1]).copy(out, 12);
  return out;
}
function masked(bytes, prefix) {
  const out = Buffer.from(bytes);
  for (let bit = prefix; bit < out.length * 8; bit++) out[bit >> 3] &= ~(128 >> (bit & 7));
  return out;
}
function addressEntry(entry, addr, prefixText, port) {
  const family = isIPv4(addr) ? 4 : isIPv6(addr) ? 6 : void 0;
  if (!family) return void 0;
  const bits = family === 4 ? 32 : 128;
  let prefix = bits;
  if (prefixText !== void 0) {
    if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > bits) throw bad(entry, `prefix length "/${prefixText}" is not 0-${bits}`);
    prefix = Number(prefixText);
  }
  const raw = family === 4 ? ipv4Bytes(addr) : ipv6Bytes(addr);
  return { kind: "address", family, bytes: masked(raw, prefix), prefix, ...port !== void 0 ? { port } : {} };
}
function nameEntry(entry) {
  const colon = entry.lastIndexOf(":");
  const host = colon < 0 ? entry : entry.slice(0, colon);
  const port = colon < 0 ? void 0 : parsePort(entry, entry.slice(colon + 1));
  const wildcard = host.startsWith("*.");
  const name = normalName(wildcard ? host.slice(2) : host);
  if (!name) throw bad(entry, 'not a host name (labels of letters, digits, "-" and "_"; a wildcard only as a leading "*.")');
  return { kind: "name", name, wildcard, ...port !== void 0 ? { port } : {} };
}
function parseEndpoint(entry) {
  const bracket = /^\[([^\]]+)\](?::(.*))?$/.exec(entry);
  if (bracket) {
    const port = bracket[2] !== void 0 ? parsePort(entry, bracket[2]) : void 0;
    const found = isIPv6(bracket[1]) ? addressEntry(entry, bracket[1], void 0, port) : void 0;
    if (!found) throw bad(entry, `"${bracket[1]}" is not an IPv6 address`);
    return found;
  }
  const slash = entry.indexOf("/");
  if (slash >= 0) {
    const found = addressEntry(entry, entry.slice(0, slash), entry.slice(slash + 1));
    if (!found) throw bad(entry, `"${entry.slice(0, slash)}" is not an IP address`);
    return found;
  }
  if (isIPv6(entry)) return addressEntry(entry, entry, void 0);
  const v4port = /^(\d+\.\d+\.\d+\.\d+)(?::(.*))?$/.exec(entry);
  if (v4port) {
    const found = addressEntry(entry, v4port[1], void 0, v4port[2] !== void 0 ? parsePort(entry, v4port[2]) : void 0);
    if (!found) throw bad(entry, `"${v4port[1]}" is not an IPv4 address`);
    return found;
  }
  if ((entry.match(/:/g) ?? []).length > 1) throw bad(entry, "an IPv6 address with a port needs brackets, as in [2001:db8::1]:443");
  return nameEntry(entry);
}
function parseEndpoints(text3) {
  return text3.split("\n").map((line2) => line2.replace(/#.*$/, "")).flatMap((line2) => line2.split(/\s+/)).filter((e) => e.length > 0).map(parseEndpoint);
}
function formatEndpoint(e) {
  const port = e.port !== void 0 ? `:${e.port}` : "";
  if (e.kind === "name") return `${e.wildcard ? "*." : ""}${e.name}${port}`;
  const addr = e.family === 4 ? [...e.bytes].join(".") : ipv6(e.bytes, 0);
  const full = e.prefix === (e.family === 4 ? 32 : 128);
  if (!full) return `${addr}/${e.prefix}`;
  return e.family === 6 && port ? `[${addr}]${port}` : `${addr}${port}`;
}

// src/policy/recommend.ts
var WILDCARD_MIN = 3;
var LOOPBACK = /^(127\.|::1$|0\.0\.0\.0$|::$)/;
var RECOMMEND_LIMIT = 1e3;
var PortsByKey = class {
  map = /* @__PURE__ */ new Map();
  /** false when the key is new and the map is full. */
  add(key, port) {
    const ports = this.map.get(key) ?? /* @__PURE__ */ new Set();
    if (!this.map.has(key) && this.map.size >= RECOMMEND_LIMIT) return false;
    if (ports.size < 64) ports.add(port);
    this.map.set(key, ports);
    return true;
  }
};
function addBounded(set, value) {
  if (set.has(value)) return true;
  if (set.size >= RECOMMEND_LIMIT) return false;
  set.add(value);
  return true;
}
function addressEntry2(address, port) {
  try {
    const a = parseEndpoint(address);
    return a.kind === "address" && a.prefix === (a.family === 4 ? 32 : 128) ? formatEndpoint({ ...a, port }) : void 0;
  } catch {
    return void 0;
  }
}
function withWildcards(names) {
  const byParent = /* @__PURE__ */ new Map();
  for (const name of names.keys()) {
    const parent = name.slice(name.indexOf(".") + 1);
    if (!name.includes(".") || !parent.includes(".")) continue;
    byParent.set(parent, [...byParent.get(parent) ?? [], name]);
  }
  const out = new Map(names);
  for (const [parent, children] of byParent) {
    if (children.length < WILDCARD_MIN) continue;
    const ports = new Set(children.flatMap((c) => [...names.get(c)]));
    for (const c of children) out.delete(c);
    out.set(`*.${parent}`, ports);
  }
  return out;
}
var lines = (m) => [...m].flatMap(([key, ports]) => ports.size ? [...ports].sort((a, b) => a - b).map((p) => `${key}:${p}`) : [key]);
var EndpointRecommender = class {
  names = new PortsByKey();
  lookedUp = /* @__PURE__ */ new Set();
  raw = /* @__PURE__ */ new Set();
  refused = /* @__PURE__ */ new Set();
  omitted = 0;
  keep(added) {
    if (!added) this.omitted++;
  }
  add(e) {
    if (e.kind === "network_connect" && e.network) this.connect(e.network);
    else if (e.kind === "domain" && e.domain?.source === "dns") {
      const name = normalName(e.domain.name);
      if (name === void 0) return;
      this.keep(addBounded(e.domain.blocked ? this.refused : this.lookedUp, name));
    }
  }
  connect(n) {
    if (LOOPBACK.test(n.address) || !Number.isInteger(n.port) || n.port < 1 || n.port > 65535) return;
    const name = n.domain === void 0 ? void 0 : normalName(n.domain);
    const entry = name ? `${name}:${n.port}` : addressEntry2(n.address, n.port);
    if (entry === void 0) return;
    if (n.blocked) this.keep(addBounded(this.refused, entry));
    else if (name) this.keep(this.names.add(name, n.port));
    else this.keep(addBounded(this.raw, entry));
  }
  build() {
    const connected = withWildcards(this.names.map);
    const covered = (name) => connected.has(name) || [...connected.keys()].some((k) => k.startsWith("*.") && name.endsWith(k.slice(1)));
    const onlyLooked = [...this.lookedUp].filter((n) => !covered(n)).sort();
    return {
      entries: [
        ...lines(connected).sort().map((entry) => ({ entry, raw: false, lookedUpOnly: false })),
        ...onlyLooked.map((entry) => ({ entry, raw: false, lookedUpOnly: true })),
        ...[...this.raw].sort().map((entry) => ({ entry, raw: true, lookedUpOnly: false }))
      ],
      refused: [...this.refused].sort(),
      omitted: this.omitted
    };
  }
};
function recommendationText(r) {
  const out = ["# allowed-endpoints that let this run pass (cicd-sensor); loopback is allowed by allow-loopback"];
  for (const e of r.entries) {
    const note = e.raw ? "  # raw address" : e.lookedUpOnly ? "  # looked up, never connected to" : "";
    out.push(`${e.entry}${note}`);
  }
  for (const refused of r.refused) out.push(`# refused by the policy: ${refused}`);
  if (r.omitted) out.push(`# ${r.omitted} more attempts at destinations past the first ${RECOMMEND_LIMIT} of a kind are not listed: see events.ndjson`);
  return out.join("\n") + "\n";
}

// src/report/egress.ts
var EgressAcc = class {
  recommender = new EndpointRecommender();
  outside;
  constructor(limit) {
    this.outside = new FirstSeen(limit);
  }
  add(e, step2) {
    this.recommender.add(e);
    const n = e.kind === "network_connect" ? e.network : void 0;
    const d = e.kind === "domain" ? e.domain : void 0;
    if (!n?.outside_policy && !d?.outside_policy) return;
    const destination = n ? n.address.includes(":") ? `[${n.address}]:${n.port}` : `${n.address}:${n.port}` : d.name;
    const blocked = (n ?? d).blocked === true;
    this.outside.hit(`${destination}\0${blocked}`, () => ({
      destination: clip2(destination),
      via: n ? "connect" : "dns",
      blocked,
      count: 0,
      execPath: clip2(e.process.exec_path),
      step: clip2(step2)
    }));
  }
  build() {
    const r = this.recommender.build();
    return { outside: this.outside.capped((x) => ({ ...x })), recommended: recommendationText(r), recommendedEntries: r.entries.length };
  }
};

// src/report/sensitive.ts
var PLACES = [
  [/^\/proc\/(\d+)\/(environ|mem|maps|smaps|pagemap|auxv)$/, "another process's memory or environment"],
  [/\/\.ssh\//, "SSH keys"],
  [/\/\.aws\/(credentials|config)$/, "AWS credentials"],
  [/\/\.azure\//, "Azure credentials"],
  [/\/\.config\/gcloud\//, "Google Cloud credentials"],
  [/\/\.kube\/config$/, "Kubernetes credentials"],
  [/\/\.docker\/config\.json$/, "Docker registry credentials"],
  [/\/\.(npmrc|pypirc|netrc|git-credentials)$/, "package or git credentials"],
  [/\/\.config\/gh\/hosts\.yml$/, "GitHub CLI token"],
  [/\/\.gnupg\//, "GPG keys"],
  [/\/\.(credentials|credentials_rsaparams|runner)$/, "the runner's own credentials"],
  [/^\/etc\/(shadow|gshadow|sudoers)$/, "system passwords"],
  [/^\/(var\/)?run\/secrets\//, "mounted secrets"]
];
var PROC_PID2 = /^\/proc\/(\d+)\//;
function mayBeSensitive(path) {
  if (path.includes("/.")) return true;
  switch (path.charCodeAt(1)) {
    case 112:
      return path.startsWith("/proc/");
    case 101:
      return path.startsWith("/etc/");
    case 114:
      return path.startsWith("/run/");
    case 118:
      return path.startsWith("/var/run/");
    default:
      return false;
  }
}
function sensitiveReason(path, pid) {
  if (!mayBeSensitive(path)) return void 0;
  const proc = PROC_PID2.exec(path);
  if (proc !== null && Number(proc[1]) === pid) return void 0;
  for (const [pattern, reason] of PLACES) if (pattern.test(path)) return reason;
  return void 0;
}

// src/report/model.ts
var DOCKER_SOCKETS = ["/var/run/docker.sock", "/run/docker.sock"];
function isWrite(file) {
  if (file.access === "write" || file.access === "read_write") return true;
  const flags = file.flags;
  if (flags === void 0) return false;
  for (let i = 0; i < flags.length; i++) if (flags[i] === "O_CREAT" || flags[i] === "O_TRUNC") return true;
  return false;
}
var OPERATIONS = {
  file_remove: "remove",
  file_move: "move",
  file_link: "link"
};
function stepOf(e) {
  return e.step?.label || "job";
}
function fileEntry(e) {
  return {
    path: clip2(e.file.path),
    group: "system",
    count: 0,
    pid: e.process.pid,
    execPath: clip2(e.process.exec_path),
    step: clip2(stepOf(e))
  };
}
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
    this.egress = new EgressAcc(entries);
    const top = this.limits.readTopLimit;
    this.written = new GroupedFiles(() => new FirstSeen(entries), (v) => v.path);
    this.read = new GroupedFiles(() => new TopCounted(top), (v) => v.path);
    this.removed = new GroupedFiles(() => new FirstSeen(entries), (v) => v.path);
    this.moved = new GroupedFiles(() => new FirstSeen(entries), (v) => v.targetPath);
    this.linked = new GroupedFiles(() => new FirstSeen(entries), (v) => v.targetPath);
    this.sensitive = new FirstSeen(entries);
    this.accesses = new FirstSeen(entries);
  }
  opts;
  limits;
  streamRoots;
  byKind = zeroCounts();
  total = 0;
  span = new TimeSpan();
  executables;
  steps;
  lastStep;
  network;
  domains;
  unixSockets;
  containers;
  written;
  read;
  removed;
  moved;
  linked;
  sensitive;
  accesses;
  timeline = new TimelineAcc();
  times = new TimeParser();
  blocked = { connects: 0, domains: 0 };
  egress;
  add(e) {
    const micros = TrackedEvent.microsOf(e);
    this.countEvent(e, micros);
    if (e.container !== void 0) this.addContainer(e.container);
    this.stepOf(stepOf(e))?.addEvent(e, micros);
    switch (e.kind) {
      case "process_exec":
        return this.addExec(e);
      case "network_connect":
        this.egress.add(e, stepOf(e));
        return this.addConnect(e);
      case "domain":
        this.egress.add(e, stepOf(e));
        return this.addDomain(e);
      case "unix_socket_connect":
        return this.addUnixSocket(e);
      case "process_access":
        return this.addAccess(e);
      case "file_open":
      case "file_remove":
      case "file_move":
      case "file_link":
        return this.addFile(e);
    }
  }
  /**
   * The step's accumulator, its event counted. A step's events come in runs:
   * the last one found is asked first, which counts it as the collector would.
   */
  stepOf(label) {
    const last = this.lastStep;
    if (last !== void 0 && last.label === label) {
      last.acc.count++;
      return last.acc;
    }
    const nodeLimit = this.limits.treeNodeLimit;
    const acc = this.steps.hit(label, () => new StepAcc(clip2(label), nodeLimit));
    this.lastStep = acc === void 0 ? void 0 : { label, acc };
    return acc;
  }
  countEvent(e, micros) {
    this.total++;
    this.byKind[e.kind] = (this.byKind[e.kind] ?? 0) + 1;
    this.span.add(e.time, micros);
    this.timeline.add(e.kind, micros === micros ? Math.floor(micros / 1e3) : this.times.ms(e.time));
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
  }
  addConnect(e) {
    const n = e.network;
    if (n === void 0) return;
    if (n.blocked === true) this.blocked.connects++;
    const key = `${n.protocol}\0${n.address}\0${n.port}\0${n.domain ?? ""}`;
    const step2 = stepOf(e);
    const sampleLimit = this.limits.sampleLimit;
    this.network.hit(key, () => new NetAcc(e, n, step2, sampleLimit))?.add(e, step2);
  }
  addDomain(e) {
    const d = e.domain;
    if (d === void 0) return;
    if (d.blocked === true) this.blocked.domains++;
    const sampleLimit = this.limits.sampleLimit;
    const make = () => new DomainAcc(clip2(d.name), e.time, sampleLimit);
    this.domains.hit(d.name, make)?.add(d, e.process.exec_path);
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
  /** The event's socket is dockerd's own, found by inode: a bypass whatever path named it. */
  markDockerBypass(e) {
    const entry = e.unix_socket === void 0 ? void 0 : this.unixSockets.peek(e.unix_socket.path);
    if (entry !== void 0) entry.bypass = true;
  }
  addAccess(e) {
    const a = e.access;
    if (a === void 0) return;
    const key = `${a.operation}\0${a.request ?? ""}\0${a.target.pid}\0${e.process.exec_path}`;
    const entry = this.accesses.hit(key, () => ({
      operation: a.operation,
      ...a.request === void 0 ? {} : { request: clip2(a.request) },
      targetPid: a.target.pid,
      ...a.target.exec_path === void 0 ? {} : { targetExec: clip2(a.target.exec_path) },
      inJob: a.target.in_job === true,
      count: 0,
      prevented: 0,
      execPath: clip2(e.process.exec_path),
      step: clip2(stepOf(e)),
      firstTime: e.time
    }));
    if (entry !== void 0 && a.prevented === true) entry.prevented++;
  }
  addFile(e) {
    const f = e.file;
    if (f === void 0) return;
    const pid = e.process.pid;
    const reason = sensitiveReason(f.path, pid);
    if (reason !== void 0) {
      const operation = e.kind === "file_open" ? isWrite(f) ? "write" : "read" : OPERATIONS[e.kind];
      this.sensitive.hit(`${operation}\0${f.path}`, () => ({ ...fileEntry(e), reason, operation }));
    }
    if (e.kind === "file_open") {
      (isWrite(f) ? this.written : this.read).hit(classifyPath(f.path, pid, this.streamRoots), f.path, fileEntry, e);
      return;
    }
    const target2 = f.target_path ?? "";
    const targetPath = clip2(target2);
    const group2 = (path) => classifyPath(path, pid, this.streamRoots);
    if (e.kind === "file_remove") this.removed.hit(group2(f.path), f.path, fileEntry, e);
    else if (e.kind === "file_move")
      this.moved.hit(group2(target2), `${f.path}\0${target2}`, () => ({ ...fileEntry(e), targetPath }));
    else
      this.linked.hit(group2(target2), `${f.path}\0${target2}`, () => ({
        ...fileEntry(e),
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
      network: this.network.capped((n) => n.toEntry()),
      domains: this.domains.capped((d) => d.toEntry()),
      files: this.files(roots),
      unixSockets: this.unixSockets.capped((u) => ({ ...u })),
      containers: this.containers.capped((c) => ({ ...c })),
      egress: this.egress.build(),
      ...this.extras(meta)
    };
  }
  extras(meta) {
    const timeline = this.timeline.toTimeline();
    return {
      ...timeline === void 0 ? {} : { timeline },
      accesses: this.accesses.capped((a) => ({ ...a })),
      ...meta.findings === void 0 ? {} : { findings: structuredClone(meta.findings) },
      ...meta.alerts === void 0 ? {} : { alerts: meta.alerts.map((a) => ({ ...a })) }
    };
  }
  totals() {
    return {
      total: this.total,
      byKind: { ...this.byKind },
      blocked: { ...this.blocked },
      ...this.span.first === void 0 ? {} : { firstTime: this.span.first },
      ...this.span.last === void 0 ? {} : { lastTime: this.span.last }
    };
  }
  files(roots) {
    return {
      written: this.written.capped(roots),
      read: this.read.capped(roots),
      removed: this.removed.capped(roots),
      moved: this.moved.capped(roots),
      linked: this.linked.capped(roots),
      sensitive: this.sensitive.capped((v) => ({ ...v, group: classifyPath(v.path, v.pid, roots) }))
    };
  }
};

// src/report/findingEvents.ts
var MAX_FINDING_EVENTS = 500;
var FINDING_LINE_CHARS = 16384;
var rank = (f) => {
  const i = SEVERITIES.indexOf(f.severity);
  return (f.action === "collect" ? SEVERITIES.length : 0) + (i < 0 ? SEVERITIES.length : i);
};
function findingEvents(findings, eventOf) {
  const seqs = [...findings].sort((a, b) => rank(a) - rank(b) || a.seq - b.seq).map((f) => f.seq);
  const out = [];
  for (const seq of new Set(seqs)) {
    if (out.length === MAX_FINDING_EVENTS) break;
    const event = eventOf(seq);
    if (event === void 0) continue;
    const line2 = eventLine(event).trimEnd();
    out.push(line2.length > FINDING_LINE_CHARS ? { seq, line: line2.slice(0, FINDING_LINE_CHARS), cut: true } : { seq, line: line2 });
  }
  return out.sort((a, b) => a.seq - b.seq);
}

// src/recording/eventStage.ts
function addFindings(model, stages) {
  const judging = stages.filter((stage) => stage.findings !== void 0);
  if (judging.length === 0) return;
  model.findings = judging.flatMap((stage) => [...stage.findings]);
  const eventOf = (seq) => judging.map((stage) => stage.findingEvent?.(seq)).find((e) => e !== void 0);
  model.findingEvents = findingEvents(model.findings, eventOf);
}

// src/recording/jobRecording.ts
var MAX_TAMPER_ALERTS = 50;
var JobRecording = class {
  /** Registers the job in the tracker with a fresh log; on failure nothing of it is left there. */
  constructor(tracker, opts) {
    this.tracker = tracker;
    this.identity = opts.identity;
    this.dir = opts.dir;
    this.workspace = opts.workspace;
    this.containerGuard = opts.containerGuard;
    this.notes = new Set(opts.notes);
    this.stages = opts.stages ?? [];
    this.report = new ReportBuilder({ rowLimit: opts.rowLimit, workspace: opts.workspace, dockerSockets: opts.dockerSockets });
    rmSync4(this.eventsPath, { force: true });
    this.writer = new EventLogWriter(this.eventsPath);
    try {
      tracker.registerJob(opts.identity, opts.cgroups, this, { workerPid: opts.workerPid, policyId: opts.policyId, protectPids: opts.protectPids });
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
  containerGuard;
  writer;
  report;
  stages;
  notes;
  /** Tamper signals for this job's report, each once. */
  tampered = /* @__PURE__ */ new Set();
  tamperedMore = 0;
  /** Processes already reported for reaching dockerd's socket, by path and program. */
  dockerBypasses = /* @__PURE__ */ new Set();
  /** Accesses to the sensor's process already reported, by process and operation. */
  sensorReaches = /* @__PURE__ */ new Set();
  workspace;
  delivered;
  /** Read from the kernel as the job ends (KernelTracker.lostFilesOf). */
  lostByProcess = [];
  get eventsPath() {
    return join8(this.dir, "events.ndjson");
  }
  /** The tracker's sink: the line first, then the report, then the stages. */
  write(event) {
    this.writer.write(event);
    this.report.add(event);
    for (const stage of this.stages) stage.onEvent(event);
    if (event.access?.target.pid === process.pid) this.reachedSensor(event, event.access);
  }
  /** A job process reaching into the sensor's own process (this one: the daemon, or `run`). */
  reachedSensor(event, access) {
    const what = [access.operation, access.request, access.proc_file].filter((w) => w !== void 0).join(" ");
    const outcome = access.prevented === true ? " (prevented)" : "";
    const key = `${event.process.pid}\0${what}`;
    if (this.sensorReaches.has(key)) return;
    this.sensorReaches.add(key);
    this.tamper(`pid ${event.process.pid} (${event.process.exec_path}) reached into the sensor (pid ${process.pid}) with ${what}${outcome}, first at ${event.time}.`);
  }
  /** Writes the buffered lines (after each batch). */
  flush() {
    this.writer.flush();
  }
  note(message) {
    this.notes.add(message);
  }
  /** A tamper signal (src/recording/tamper.ts): an alert at the top of the report. */
  tamper(message) {
    if (this.tampered.size < MAX_TAMPER_ALERTS || this.tampered.has(message)) this.tampered.add(message);
    else this.tamperedMore++;
  }
  /** The tracker's word that event's unix connect reached dockerd's own socket (by inode). */
  reachedDockerDaemon(event) {
    this.report.markDockerBypass(event);
    const path = event.unix_socket?.path ?? "";
    const key = `${path}\0${event.process.exec_path}`;
    if (this.dockerBypasses.has(key)) return;
    this.dockerBypasses.add(key);
    this.tamper(
      `pid ${event.process.pid} (${event.process.exec_path}) connected to dockerd's own socket as ${JSON.stringify(path)} at ${event.time}, around the docker proxy (the same socket by inode): containers started this way are not the job's, and nothing in them is recorded.`
    );
  }
  /** Events the log could not take (disk full, I/O error); the report still counts them. */
  get lostOnWrite() {
    return this.writer.lostOnWrite;
  }
  /**
   * Leaves the tracker (its held DNS questions are logged first) and closes
   * the log; call once the ring buffer is drained. Idempotent, so a caller
   * can end the job in a finally and finish it afterwards.
   */
  end() {
    if (this.delivered === void 0) {
      this.lostByProcess = this.tracker.lostFilesOf(this.identity.id);
      this.delivered = this.tracker.unregisterJob(this.identity.id);
      this.writer.close();
      const lost = this.writer.lostOnWrite;
      if (lost > 0) this.note(`${lost} events could not be written to events.ndjson (${this.writer.lastWriteError}); the report counts them, the log lacks them.`);
    }
    return this.delivered;
  }
  /** Ends the job if needed, lets each stage finish, and writes report.json and summary.md (with every note). */
  finish(status) {
    const delivered = this.end();
    for (const stage of this.stages) stage.finish?.({ dir: this.dir, note: (m) => this.note(m) });
    const endedAt = (/* @__PURE__ */ new Date()).toISOString();
    const model = this.report.build({ ...status, lostByProcess: this.lostByProcess }, {
      job: this.identity,
      startedAt: this.startedAt,
      endedAt,
      workspace: this.workspace,
      notes: [...this.notes]
    });
    if (this.tamperedMore > 0) this.tampered.add(`${this.tamperedMore} more tamper signals like these (a tracer stops the sensor at every system call).`);
    if (this.tampered.size > 0) model.alerts = [...[...this.tampered].map((message) => ({ kind: "tamper", message })), ...model.alerts ?? []];
    addFindings(model, this.stages);
    const view = buildView(model);
    return { model, view, delivered, startedAt: this.startedAt, endedAt, ...writeReportFiles(this.dir, model, view) };
  }
};

// src/recording/tamper.ts
import { constants as constants3 } from "node:os";

// src/platform/mounts.ts
import { readFileSync as readFileSync6 } from "node:fs";
var unescape = (s) => s.replace(/\\([0-7]{3})/g, (_, o) => String.fromCharCode(parseInt(o, 8)));
function parseMountInfo(text3) {
  const out = [];
  for (const line2 of text3.split("\n")) {
    const fields = line2.split(" ");
    const dash = fields.indexOf("-");
    if (fields.length < 5 || dash < 0 || dash + 2 >= fields.length) continue;
    out.push({ id: Number(fields[0]), mountPoint: unescape(fields[4]), fsType: fields[dash + 1], source: unescape(fields[dash + 2]) });
  }
  return out;
}
function readMounts(path = "/proc/self/mountinfo") {
  return parseMountInfo(readFileSync6(path, "utf8"));
}
function covers(mountPoint, path) {
  const m = mountPoint.replace(/\/+$/, "") || "/";
  const p = path.replace(/\/+$/, "") || "/";
  if (m === "/") return false;
  return m === p || m.startsWith(`${p}/`) || p.startsWith(`${m}/`);
}

// src/recording/tamper.ts
var SIGNAL_NAMES = new Map(Object.entries(constants3.signals).map(([name, n]) => [n, name]));
var signalName = (n) => SIGNAL_NAMES.get(n) ?? `signal ${n}`;
var TamperWatch = class {
  constructor(sensor, tracker, cgroupRoot, bootToRealNs, tell2, mounts = readMounts) {
    this.sensor = sensor;
    this.tracker = tracker;
    this.cgroupRoot = cgroupRoot;
    this.bootToRealNs = bootToRealNs;
    this.tell = tell2;
    this.mounts = mounts;
    this.baseLinks = sensor.links();
    this.baseMounts = new Set(this.mounts().map((m) => m.id));
  }
  sensor;
  tracker;
  cgroupRoot;
  bootToRealNs;
  tell;
  mounts;
  baseLinks;
  baseMounts;
  /** Conditions that last (a link detached, a mount in place): every job ending while they do is told. */
  standing = /* @__PURE__ */ new Map();
  /** Runs every check; what is found is told once, when first seen. */
  check() {
    this.checkLinks();
    this.checkTracked();
    this.checkMounts();
  }
  /** Notices that still hold, for a job ending now. */
  standingNotices() {
    return [...this.standing.values()];
  }
  raise(key, message) {
    if (this.standing.has(key)) return;
    const notice = { message };
    this.standing.set(key, notice);
    this.tell(notice);
  }
  checkLinks() {
    const now = (/* @__PURE__ */ new Date()).toISOString();
    this.sensor.links().forEach((link, i) => {
      const was = this.baseLinks[i];
      if (was === void 0) return;
      const what = `BPF link ${was.link} (program ${was.name})`;
      if (was.attached && !link.attached) {
        this.raise(`link:${i}:detached`, `${what} was found detached at ${now}: what it recorded is missing from then on.`);
      } else if (link.prog !== was.prog) {
        this.raise(
          `link:${i}:prog:${link.prog}`,
          `${what} was found running another program (id ${link.prog}, not ${was.prog}) at ${now}: from then on, what it recorded is missing or forged.`
        );
      }
    });
  }
  /**
   * A live cgroup of a job missing from tracked_cgroups was taken out by
   * someone else (bpftool map delete): only the kernel's rmdir hook and the
   * job's end remove entries, and a cgroup removed by rmdir no longer
   * exists by id. It is put back and the job's report says so.
   */
  checkTracked() {
    const inMap = new Set(this.sensor.trackedCgroups().map((id2) => Number(id2)));
    for (const { id: id2, jobId: jobId2, path } of this.tracker.registry.liveCgroups()) {
      if (inMap.has(id2) || !this.sensor.cgroupAlive(BigInt(id2))) continue;
      this.sensor.trackCgroup(BigInt(id2), this.tracker.registry.get(jobId2)?.policyId ?? 0);
      const now = (/* @__PURE__ */ new Date()).toISOString();
      const name = path === void 0 ? `cgroup ${id2}` : `cgroup ${path} (id ${id2})`;
      this.tell({
        jobId: jobId2,
        message: `${name} was removed from the sensor's tracked_cgroups map (found at ${now}) and has been tracked again: activity in it shortly before is missing.`
      });
    }
  }
  checkMounts() {
    const now = this.mounts();
    const ids = new Set(now.map((m) => `mount:${m.id}`));
    for (const key of this.standing.keys()) if (key.startsWith("mount:") && !ids.has(key)) this.standing.delete(key);
    for (const m of now) {
      if (this.baseMounts.has(m.id) || !covers(m.mountPoint, this.cgroupRoot)) continue;
      this.raise(
        `mount:${m.id}`,
        `A ${m.fsType} file system was mounted on ${m.mountPoint}, over the cgroup file system at ${this.cgroupRoot} (found at ${(/* @__PURE__ */ new Date()).toISOString()}): the jobs' cgroups stay tracked by id, but what reads cgroups by path is misled.`
      );
    }
  }
  when(timeNs) {
    return rfc3339Micros(timeNs + this.bootToRealNs);
  }
  who(pid, startNs) {
    const p = this.tracker.describeProcess(pid, startNs);
    const exec = p.exec_path === void 0 ? "" : ` (${p.exec_path})`;
    return `pid ${pid}${exec}${p.job === void 0 ? ", outside the jobs" : `, in job ${p.job}`}`;
  }
  /** A record of the kernel's about the sensor's own process. */
  kernel(s) {
    const self = `the sensor (pid ${process.pid})`;
    if (s.op === "signal") {
      this.tell({ message: `${signalName(s.signal)} was sent to ${self} at ${this.when(s.timeNs)} by ${this.who(s.pid, s.startNs)}.` });
    } else if (s.op === "traced") {
      this.tell({ message: `The sensor (pid ${process.pid}, thread ${s.tid}) was put under ptrace by ${this.who(s.tracerPid, s.tracerStartNs)}, seen at ${this.when(s.timeNs)}.` });
    } else {
      const secs = (s.totalNs / 1e9).toFixed(3);
      const how = s.count === 1 ? `${s.state} for ${secs} s` : `${s.state} ${s.count} times, ${secs} s in all,`;
      this.tell({
        message: `The sensor (pid ${process.pid}) was ${how} between ${this.when(s.stoppedNs)} and ${this.when(s.timeNs)} (as the kernel stamped it): records of that time were read afterwards, and any the ring buffer could not hold are counted as lost.`
      });
    }
  }
};

// src/recording/recorder.ts
var TAMPER_CHECK_MS = 1e3;
var Recorder = class {
  /** sensor: attached (the tamper checks take its links as they are now). */
  constructor(sensor, plan, cgroupRoot) {
    this.sensor = sensor;
    this.plan = plan;
    this.cgroupRoot = cgroupRoot;
    capYoungGeneration();
    const bootToReal = Sensor.bootToRealtimeNs();
    this.tracker = new KernelTracker(sensor, bootToReal);
    this.pump = new Pump(sensor, this.tracker, { afterBatch: () => this.flush() });
    this.tamper = new TamperWatch(sensor, this.tracker, cgroupRoot, bootToReal, (n) => this.tell(n));
    this.tracker.onTamper = (s) => this.tamper.kernel(s);
  }
  sensor;
  plan;
  cgroupRoot;
  tracker;
  pump;
  docker_;
  recordings = /* @__PURE__ */ new Map();
  tamper;
  tamperTimer;
  /** Writes the CPU profile asked for (EnvVar.DebugCpuProfile). */
  stopProfile;
  /** Starts reading the kernel, the tamper checks and, when asked and a dockerd is there, the docker proxy. */
  async start(docker) {
    const profile = process.env[EnvVar.DebugCpuProfile];
    if (profile) this.stopProfile = startCpuProfile(profile);
    this.pump.start();
    this.tamperTimer = setInterval(() => this.tamper.check(), TAMPER_CHECK_MS);
    this.tamperTimer.unref();
    if (!docker) return;
    this.docker_ = await startDocker({
      ...docker,
      cgroupRoot: this.cgroupRoot,
      tracker: this.tracker,
      note: (jobId2, message) => this.recordings.get(jobId2)?.note(message),
      guardOf: (jobId2) => this.recordings.get(jobId2)?.containerGuard,
      settle: () => this.pump.settle()
    });
    this.tracker.dockerSocket = this.docker_?.daemonSocket;
  }
  tell(n) {
    const to = n.jobId === void 0 ? this.recordings.values() : [this.recordings.get(n.jobId)];
    for (const recording of to) recording?.tamper(n.message);
  }
  get docker() {
    return this.docker_;
  }
  status() {
    return sensorStatus(this.plan, this.sensor.counters(), this.tracker.counts, this.sensor.rings);
  }
  /** Starts recording a job (see JobRecording); the report knows the proxy's bypass paths. */
  begin(opts) {
    if (this.recordings.has(opts.identity.id)) throw new Error(`job ${opts.identity.id} is already registered`);
    const recording = new JobRecording(this.tracker, { ...opts, dockerSockets: this.docker_?.bypassPaths });
    this.recordings.set(opts.identity.id, recording);
    return recording;
  }
  get(id2) {
    return this.recordings.get(id2);
  }
  ids() {
    return [...this.recordings.keys()];
  }
  /** Closes a job whose records are all handled (after settle() or stop()) and writes its report. */
  finish(id2) {
    const recording = this.recordings.get(id2);
    if (!recording) throw new Error(`no job ${id2} is registered`);
    this.tamper.check();
    for (const n of this.tamper.standingNotices()) recording.tamper(n.message);
    this.recordings.delete(id2);
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
    this.tracker.dockerSocket = void 0;
  }
  /** Stops the proxy, the tamper checks and the pump after a last drain; jobs are still open. */
  async stop() {
    clearInterval(this.tamperTimer);
    this.closeDocker();
    await this.pump.stop();
    this.stopProfile?.();
    this.stopProfile = void 0;
  }
};

// src/platform/checks.ts
import { existsSync as existsSync5 } from "node:fs";
function checkPlatform() {
  const missing2 = [];
  if (process.platform !== "linux") missing2.push(`Linux is required (this is ${process.platform})`);
  if (typeof process.getuid === "function" && process.getuid() !== 0) {
    missing2.push("root is required to load BPF programs (run with sudo)");
  }
  if (!existsSync5("/sys/kernel/btf/vmlinux")) {
    missing2.push("kernel BTF is missing (/sys/kernel/btf/vmlinux; needs CONFIG_DEBUG_INFO_BTF)");
  }
  const cgroupRoot = cgroup2Root();
  if (!cgroupRoot) missing2.push("cgroup v2 is not mounted (no cgroup2 entry in /proc/mounts)");
  return { ok: missing2.length === 0, missing: missing2, cgroupRoot };
}

// src/kerneltracker/sensorStart.ts
async function startSensor(opts) {
  const platform = checkPlatform();
  if (!platform.ok || !platform.cgroupRoot) return { ok: false, reason: platform.missing.join("; ") };
  let sensor;
  try {
    sensor = Sensor.open(opts);
    const plan = await sensor.attachAsync(platform.cgroupRoot);
    return { ok: true, sensor, plan, cgroupRoot: platform.cgroupRoot };
  } catch (err) {
    sensor?.close();
    const text3 = err instanceof Error ? err.message : String(err);
    const [first, ...rest] = text3.split("\n");
    return { ok: false, reason: `the kernel refused the BPF sensor: ${first}`, detail: rest.join("\n") };
  }
}

// src/daemon/client.ts
import { join as join9 } from "node:path";
var controlSocketPath = (stateDir) => join9(stateDir, "control.sock");

// src/daemon/controlServer.ts
import { chmodSync as chmodSync2, chownSync as chownSync2, rmSync as rmSync5 } from "node:fs";
import net from "node:net";

// src/policy/policy.ts
function mode(input, value, fallback2) {
  const v = (value ?? "").trim().toLowerCase();
  if (v === "") return fallback2;
  if (v === "audit" || v === "block") return v;
  throw new PolicyError(`${input} "${value}": accepted: audit, block`);
}
function flag2(input, value, fallback2) {
  if (typeof value === "boolean") return value;
  const v = (value ?? "").trim().toLowerCase();
  if (v === "") return fallback2;
  if (v === "true" || v === "false") return v === "true";
  throw new PolicyError(`${input} "${value}": accepted: true, false`);
}
function parsePolicy(inputs) {
  const egress2 = mode("egress-policy", inputs.egressPolicy, "audit");
  return Object.freeze({
    mode: egress2,
    endpoints: Object.freeze(parseEndpoints(inputs.allowedEndpoints ?? "")),
    allowLoopback: flag2("allow-loopback", inputs.allowLoopback, true),
    containerPolicy: mode("container-policy", inputs.containerPolicy, egress2),
    containerHostPaths: Object.freeze(absolute(inputs.containerHostPaths)),
    containerJobPaths: Object.freeze(absolute(inputs.containerJobPaths))
  });
}
function absolute(paths2) {
  return (paths2 ?? []).filter((p) => p.startsWith("/"));
}

// src/daemon/protocol.ts
var MAX_REQUEST_BYTES = 4 * 1024 * 1024;
var MAX_RULE_FILES = 64;
var MAX_NOTES2 = 16;
var ProtocolError = class extends Error {
};
var JOB_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
var IDENTITY_FIELDS = ["name", "workflow", "repository", "run_id", "run_attempt"];
function text2(v, field, max = 1024) {
  if (typeof v !== "string") throw new ProtocolError(`${field} must be a string`);
  if (v.length > max) throw new ProtocolError(`${field} is longer than ${max} characters`);
  return v;
}
function identity(v) {
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new ProtocolError("job must be an object");
  const o = v;
  const id2 = text2(o.id, "job.id", 128);
  if (!JOB_ID_PATTERN.test(id2)) throw new ProtocolError('job.id may hold letters, digits, ".", "_" and "-" (1-128)');
  const job = { id: id2 };
  for (const f of IDENTITY_FIELDS) if (o[f] !== void 0) job[f] = text2(o[f], `job.${f}`);
  return job;
}
function notes(v) {
  if (!Array.isArray(v) || v.length > MAX_NOTES2) throw new ProtocolError(`notes must be an array of at most ${MAX_NOTES2} strings`);
  return v.map((n, i) => text2(n, `notes[${i}]`));
}
function policyOf(w) {
  return parsePolicy({
    egressPolicy: w.mode,
    allowedEndpoints: w.allowed_endpoints,
    allowLoopback: w.allow_loopback,
    containerPolicy: w.container_policy,
    containerHostPaths: w.host_paths,
    containerJobPaths: w.job_paths
  });
}
var MAX_GUARD_PATHS = 16;
function paths(v, field) {
  if (!Array.isArray(v) || v.length > MAX_GUARD_PATHS) throw new ProtocolError(`${field} must be an array of at most ${MAX_GUARD_PATHS} paths`);
  return v.map((p, i) => {
    const path = text2(p, `${field}[${i}]`, 4096);
    if (!path.startsWith("/")) throw new ProtocolError(`${field}[${i}] must be an absolute path`);
    return path;
  });
}
function egress(v) {
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new ProtocolError("egress must be an object");
  const o = v;
  const w = {};
  if (o.mode !== void 0) w.mode = text2(o.mode, "egress.mode", 16);
  if (o.allowed_endpoints !== void 0) w.allowed_endpoints = text2(o.allowed_endpoints, "egress.allowed_endpoints", 48 * 1024);
  if (o.allow_loopback !== void 0) {
    if (typeof o.allow_loopback !== "boolean") throw new ProtocolError("egress.allow_loopback must be true or false");
    w.allow_loopback = o.allow_loopback;
  }
  if (o.container_policy !== void 0) w.container_policy = text2(o.container_policy, "egress.container_policy", 16);
  if (o.host_paths !== void 0) w.host_paths = paths(o.host_paths, "egress.host_paths");
  if (o.job_paths !== void 0) w.job_paths = paths(o.job_paths, "egress.job_paths");
  try {
    policyOf(w);
  } catch (err) {
    if (err instanceof PolicyError) throw new ProtocolError(err.message);
    throw err;
  }
  return w;
}
function rules(v) {
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new ProtocolError("rules must be an object");
  const o = v;
  if (!Array.isArray(o.sources) || o.sources.length > MAX_RULE_FILES) throw new ProtocolError(`rules.sources must be an array of at most ${MAX_RULE_FILES} files`);
  const sources = o.sources.map((src, i) => {
    const f = typeof src === "object" && src !== null ? src : {};
    return { name: text2(f.name, `rules.sources[${i}].name`, 4096), text: text2(f.text, `rules.sources[${i}].text`, MAX_REQUEST_BYTES) };
  });
  if (typeof o.monitorMode !== "boolean") throw new ProtocolError("rules.monitorMode must be a boolean");
  if (o.builtin !== void 0 && typeof o.builtin !== "boolean") throw new ProtocolError("rules.builtin must be a boolean");
  return { sources, monitorMode: o.monitorMode, ...o.builtin === false ? { builtin: false } : {} };
}
function jobId(v) {
  const id2 = text2(v, "id", 128);
  if (!JOB_ID_PATTERN.test(id2)) throw new ProtocolError("id is not a valid job id");
  return id2;
}
var MAX_SUMMARY_ROWS = 1e3;
var MAX_ALERTS = 16;
var MAX_STEPS2 = 1e3;
function count(v, field, min2, max) {
  if (!Number.isSafeInteger(v) || v < min2 || v > max) throw new ProtocolError(`${field} must be a whole number from ${min2} to ${max}`);
  return v;
}
function step(v, i) {
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new ProtocolError(`place.steps[${i}] must be an object`);
  const o = v;
  const s = {
    index: count(o.index, `place.steps[${i}].index`, 0, MAX_STEPS2),
    line: count(o.line, `place.steps[${i}].line`, 1, 1e7)
  };
  if (o.uses !== void 0) s.uses = text2(o.uses, `place.steps[${i}].uses`, 4096);
  if (o.run !== void 0) s.run = text2(o.run, `place.steps[${i}].run`, 64 * 1024);
  return s;
}
function report(o) {
  const req = { op: "report", id: jobId(o.id) };
  if (o.alerts !== void 0) {
    if (!Array.isArray(o.alerts) || o.alerts.length > MAX_ALERTS) throw new ProtocolError(`alerts must be an array of at most ${MAX_ALERTS} strings`);
    req.alerts = o.alerts.map((a, i) => text2(a, `alerts[${i}]`, 2e3));
  }
  if (o.place !== void 0) {
    const p = typeof o.place === "object" && o.place !== null ? o.place : {};
    if (!Array.isArray(p.steps) || p.steps.length > MAX_STEPS2) throw new ProtocolError(`place.steps must be an array of at most ${MAX_STEPS2} steps`);
    req.place = { file: text2(p.file, "place.file", 4096), steps: p.steps.map(step) };
  }
  return req;
}
function register(o) {
  const req = { op: "register", job: identity(o.job) };
  if (o.cgroup !== void 0) req.cgroup = text2(o.cgroup, "cgroup", 4096);
  if (o.pid !== void 0) {
    if (!Number.isSafeInteger(o.pid) || o.pid <= 0) throw new ProtocolError("pid must be a positive integer");
    req.pid = o.pid;
  }
  if (req.cgroup === void 0 === (req.pid === void 0)) throw new ProtocolError("register needs exactly one of cgroup or pid");
  if (o.worker !== void 0) {
    if (req.cgroup === void 0) throw new ProtocolError("worker goes with cgroup (with pid, the daemon finds Runner.Worker itself)");
    if (!Number.isSafeInteger(o.worker) || o.worker <= 0) throw new ProtocolError("worker must be a positive integer");
    req.worker = o.worker;
  }
  if (o.notes !== void 0) req.notes = notes(o.notes);
  if (o.rules !== void 0) req.rules = rules(o.rules);
  if (o.protect !== void 0) {
    if (typeof o.protect !== "boolean") throw new ProtocolError("protect must be true or false");
    req.protect = o.protect;
  }
  if (o.egress !== void 0) req.egress = egress(o.egress);
  if (o.summaryRows !== void 0) req.summaryRows = count(o.summaryRows, "summaryRows", 1, MAX_SUMMARY_ROWS);
  return req;
}
function sudo(o) {
  if (typeof o.disable !== "boolean") throw new ProtocolError("disable must be true or false");
  const req = { op: "sudo", id: jobId(o.id), disable: o.disable };
  if (o.user !== void 0) req.user = text2(o.user, "user", 32);
  if (o.token !== void 0) req.token = text2(o.token, "token", 128);
  return req;
}
function parseRequest(line2) {
  if (Buffer.byteLength(line2) > MAX_REQUEST_BYTES) throw new ProtocolError("request too long");
  let o;
  try {
    o = JSON.parse(line2);
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
    case "report":
      return report(r);
    case "sudo":
      return sudo(r);
    case "stats":
      return { op: "stats" };
    case "stop":
      return { op: "stop" };
    default:
      throw new ProtocolError(`unknown op ${JSON.stringify(r.op)?.slice(0, 64) ?? "undefined"}`);
  }
}

// src/daemon/slots.ts
var MAX_CLIENTS = 256;
var MAX_CLIENTS_PER_UID = MAX_CLIENTS / 2;
var ROOT_CLIENTS = 32;
var STEP_CLIENTS = 4;
var MAX_WORKERS = 64;
var ControlSlots = class {
  constructor(stat = readProcStat) {
    this.stat = stat;
  }
  stat;
  seats = /* @__PURE__ */ new Map();
  counts = /* @__PURE__ */ new Map();
  usersTotal = 0;
  /** The Runner.Worker of each job registered by a uid other than root, by pid. */
  workers = /* @__PURE__ */ new Map();
  /** A job registered by uid runs under workerPid: its running step gets room of its own. */
  noteWorker(uid, workerPid) {
    const startTicks2 = workerPid === void 0 ? void 0 : this.stat(workerPid)?.startTicks;
    if (uid === 0 || workerPid === void 0 || startTicks2 === void 0) return;
    this.workers.delete(workerPid);
    this.workers.set(workerPid, { uid, startTicks: startTicks2 });
    if (this.workers.size > MAX_WORKERS) this.workers.delete(this.workers.keys().next().value);
  }
  /** Takes a seat for sock, or says why there is none (the caller then closes it). */
  admit(sock, peer) {
    if (peer?.uid === 0) return this.take(sock, { pool: "root", pid: peer.pid }, ROOT_CLIENTS) ? void 0 : "root's connections are all taken";
    const uid = peer?.uid ?? -1;
    const worker = peer && this.stepOf(peer);
    if (worker && this.takeStep(sock, peer, worker)) return void 0;
    const pool = `uid ${uid}`;
    if (this.usersTotal >= MAX_CLIENTS) return `the daemon has ${MAX_CLIENTS} connections open; try again later`;
    if (!this.take(sock, { pool, pid: peer?.pid ?? 0 }, MAX_CLIENTS_PER_UID)) return `uid ${uid} has ${MAX_CLIENTS_PER_UID} connections open; close some first`;
    this.usersTotal++;
    return void 0;
  }
  release(sock) {
    const seat = this.seats.get(sock);
    if (!seat) return;
    this.seats.delete(sock);
    this.counts.set(seat.pool, this.counts.get(seat.pool) - 1);
    if (seat.pool.startsWith("uid ")) this.usersTotal--;
  }
  /** Open connections by pool, for stats. */
  inUse() {
    return Object.fromEntries([...this.counts].filter(([, n]) => n > 0));
  }
  take(sock, seat, limit) {
    const n = this.counts.get(seat.pool) ?? 0;
    if (n >= limit) return false;
    this.seats.set(sock, seat);
    this.counts.set(seat.pool, n + 1);
    return true;
  }
  takeStep(sock, peer, worker) {
    const seat = { pool: `step ${worker}`, pid: peer.pid, startTicks: this.stat(peer.pid)?.startTicks, worker };
    if (this.take(sock, seat, STEP_CLIENTS)) return true;
    this.evictFormerSteps(seat.pool);
    return this.take(sock, seat, STEP_CLIENTS);
  }
  /** The worker of a job of the peer's uid when the peer is the step it runs now. */
  stepOf(peer) {
    const ppid = this.stat(peer.pid)?.ppid;
    const worker = ppid === void 0 ? void 0 : this.workers.get(ppid);
    if (!worker || worker.uid !== peer.uid || this.stat(ppid)?.startTicks !== worker.startTicks) return void 0;
    return ppid;
  }
  /** Closes the pool's connections whose process is no longer the worker's running step. */
  evictFormerSteps(pool) {
    for (const [sock, seat] of this.seats) {
      if (seat.pool !== pool) continue;
      const now = this.stat(seat.pid);
      if (now && now.startTicks === seat.startTicks && now.ppid === seat.worker) continue;
      this.release(sock);
      sock.destroy();
    }
  }
};

// src/daemon/controlServer.ts
var MAX_PENDING_OUTPUT_BYTES = 1 << 20;
var MAX_QUEUED_REQUESTS = 64;
var IDLE_TIMEOUT_MS = 1e4;
var dropped = /* @__PURE__ */ new WeakSet();
function drop(sock) {
  dropped.add(sock);
  sock.destroy();
}
function reply(sock, res) {
  if (sock.destroyed || !sock.writable) return;
  if (sock.writableLength > MAX_PENDING_OUTPUT_BYTES) {
    drop(sock);
    return;
  }
  sock.write(JSON.stringify(res) + "\n");
}
var LineSplitter = class {
  chunks = [];
  /** Bytes of the partial line. */
  size = 0;
  /** The complete lines in chunk (without their newlines); the rest is kept. */
  push(chunk) {
    const lines2 = [];
    let from = 0;
    for (let nl = chunk.indexOf(10); nl >= 0; nl = chunk.indexOf(10, from)) {
      const tail = chunk.subarray(from, nl);
      lines2.push((this.size ? Buffer.concat([...this.chunks, tail]) : tail).toString("utf8"));
      this.chunks = [];
      this.size = 0;
      from = nl + 1;
    }
    if (from < chunk.length) {
      this.chunks.push(from === 0 ? chunk : Buffer.from(chunk.subarray(from)));
      this.size += chunk.length - from;
    }
    return lines2;
  }
};
function serve(sock, handler, peer) {
  const lines2 = new LineSplitter();
  let queued = 0;
  let chain = Promise.resolve();
  sock.on("error", () => sock.destroy());
  sock.setTimeout(IDLE_TIMEOUT_MS, () => {
    if (queued === 0) sock.destroy();
  });
  sock.on("data", (chunk) => {
    for (const raw of lines2.push(chunk)) {
      if (dropped.has(sock)) return;
      const line2 = raw.trim();
      if (!line2) continue;
      if (++queued > MAX_QUEUED_REQUESTS) {
        drop(sock);
        return;
      }
      chain = chain.then(() => answer(sock, line2, peer, handler)).finally(() => queued--);
    }
    if (lines2.size > MAX_REQUEST_BYTES) {
      reply(sock, { ok: false, error: "request too long" });
      sock.destroy();
    }
  });
}
async function answer(sock, line2, peer, handler) {
  if (dropped.has(sock)) return;
  let req;
  try {
    req = parseRequest(line2);
  } catch (err) {
    reply(sock, { ok: false, error: err instanceof ProtocolError ? err.message : "bad request" });
    return;
  }
  try {
    reply(sock, await handler(req, peer));
  } catch (err) {
    reply(sock, { ok: false, error: err instanceof Error ? err.message : String(err) });
  }
}
function accept(sock, slots, handler) {
  const peer = peerCred(sock);
  const refused = slots.admit(sock, peer);
  if (refused !== void 0) {
    sock.on("error", () => sock.destroy());
    sock.end(JSON.stringify({ ok: false, error: refused }) + "\n", () => sock.destroy());
    return;
  }
  sock.once("close", () => slots.release(sock));
  serve(sock, handler, peer);
}
async function listenControl(opts) {
  rmSync5(opts.path, { force: true });
  const slots = opts.slots ?? new ControlSlots();
  const server = net.createServer((sock) => accept(sock, slots, opts.handler));
  server.on("error", (err) => opts.onError?.(err));
  const oldMask = process.umask(127);
  try {
    await new Promise((resolve3, reject) => {
      server.once("error", reject);
      server.listen(opts.path, () => resolve3());
    });
  } finally {
    process.umask(oldMask);
  }
  chmodSync2(opts.path, 384);
  if (opts.owner) chownSync2(opts.path, opts.owner.uid, opts.owner.gid);
  return server;
}

// src/daemon/access.ts
import { readFileSync as readFileSync8 } from "node:fs";

// src/daemon/jobCgroup.ts
import { existsSync as existsSync6, readdirSync as readdirSync2, readFileSync as readFileSync7, realpathSync as realpathSync4, rmdirSync as rmdirSync2 } from "node:fs";
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
  for (const name of readdirSync2("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const ppid = parentPid(Number(name));
    if (ppid === void 0) continue;
    const list2 = children.get(ppid);
    if (list2) list2.push(Number(name));
    else children.set(ppid, [Number(name)]);
  }
  const out = [pid];
  const seen = new Set(out);
  for (let i = 0; i < out.length; i++) {
    for (const child of children.get(out[i]) ?? []) {
      if (!seen.has(child)) {
        seen.add(child);
        out.push(child);
      }
    }
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
function cgroupBelowRoot(given, root) {
  const joined = given.startsWith(`${root}/`) ? given : join10(root, given);
  let path;
  try {
    path = realpathSync4(joined);
  } catch {
    throw new JobCgroupError(`${joined} does not exist`);
  }
  const realRoot = realpathSync4(root);
  if (path === realRoot) throw new JobCgroupError("refusing to track the root cgroup (the whole host)");
  if (!path.startsWith(`${realRoot}/`)) throw new JobCgroupError(`${joined} is not below the cgroup v2 root ${root}`);
  if (!existsSync6(join10(path, "cgroup.procs"))) throw new JobCgroupError(`${path} is not a cgroup v2 directory`);
  return path;
}
function chooseJobCgroup(req, root, jobId2) {
  if (req.cgroup !== void 0) {
    const path2 = cgroupBelowRoot(req.cgroup, root);
    return { path: path2, isolated: false, pids: cgroupProcs(path2), ...req.worker !== void 0 ? { workerPid: req.worker } : {} };
  }
  const pid = req.pid;
  const worker = findRunnerWorker(pid);
  if (worker !== void 0) return isolateWorker(worker, root, jobId2);
  const path = cgroupOf(pid, root);
  return { path, isolated: false, pids: cgroupProcs(path) };
}

// src/daemon/access.ts
var allow = { allowed: true };
var deny = (reason) => ({ allowed: false, reason });
var ownedBy = (uids2, uid) => uids2 !== void 0 && uids2.length > 0 && uids2.every((u) => u === uid);
function authorizeRegister(pid, peer, facts) {
  if (pid === void 0) return deny("only root may register a cgroup path; register your job by pid");
  if (!ownedBy(facts.targetUids, peer.uid)) return deny(`process ${pid} does not exist or is not yours`);
  if (facts.targetWorker === void 0) return deny(`process ${pid} does not run under a Runner.Worker`);
  if (facts.peerWorker !== facts.targetWorker) return deny(`process ${pid} does not run under your own Runner.Worker`);
  if (!ownedBy(facts.workerUids, peer.uid)) return deny(`the Runner.Worker (pid ${facts.targetWorker}) above process ${pid} is not yours`);
  return allow;
}
function authorize(req, peer, ctx) {
  if (!peer) return deny("the daemon cannot tell who is asking (no peer credentials)");
  if (req.op === "register" && ctx.usedBefore) return deny(`job id ${req.job.id} was used before; a job id is never reused`);
  if (peer.uid === 0 || req.op === "stats") return allow;
  switch (req.op) {
    case "stop":
      return deny("only root may stop the daemon");
    case "register":
      return authorizeRegister(req.pid, peer, ctx.facts ?? {});
    case "sudo":
      if (req.user !== void 0) return deny("only root may name the user whose sudo is removed");
      return registrantOnly(req.id, ctx.registrant, peer.uid);
    case "unregister":
    case "rules":
    case "report":
      return registrantOnly(req.id, ctx.registrant, peer.uid);
  }
}
function registrantOnly(id2, registrant, uid) {
  if (registrant === void 0 || registrant === uid) return allow;
  return deny(`job ${id2} was registered by another user`);
}
function uids(pid) {
  try {
    const line2 = readFileSync8(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith("Uid:"));
    return line2?.slice(4).trim().split(/\s+/).slice(0, 3).map(Number);
  } catch {
    return void 0;
  }
}
function processFacts(targetPid, peerPid2) {
  const targetWorker = findRunnerWorker(targetPid);
  return {
    targetUids: uids(targetPid),
    targetWorker,
    peerWorker: findRunnerWorker(peerPid2),
    workerUids: targetWorker === void 0 ? void 0 : uids(targetWorker)
  };
}
var describePeer = (peer) => peer ? `uid ${peer.uid} (pid ${peer.pid})` : "an unknown peer";
var AccessControl = class {
  constructor(log, note, facts = processFacts) {
    this.log = log;
    this.note = note;
    this.facts = facts;
  }
  log;
  note;
  facts;
  used = /* @__PURE__ */ new Set();
  registrants = /* @__PURE__ */ new Map();
  /** Runs handle only for an allowed request, and records what happened. */
  async guard(req, peer, handle) {
    const jobId2 = req.op === "register" ? req.job.id : req.op === "stats" || req.op === "stop" ? void 0 : req.id;
    const verdict = authorize(req, peer, {
      usedBefore: jobId2 !== void 0 && this.used.has(jobId2),
      registrant: jobId2 === void 0 ? void 0 : this.registrants.get(jobId2),
      facts: req.op === "register" && req.pid !== void 0 && peer && peer.uid !== 0 ? this.facts(req.pid, peer.pid) : void 0
    });
    const at = (/* @__PURE__ */ new Date()).toISOString();
    if (!verdict.allowed) {
      this.log.warn(`control: refused ${req.op}${jobId2 ? ` ${jobId2}` : ""} from ${describePeer(peer)}: ${verdict.reason}`);
      if (jobId2 !== void 0) this.note(jobId2, `At ${at} ${describePeer(peer)} was refused ${req.op} of this job: ${verdict.reason}.`);
      return { ok: false, error: verdict.reason };
    }
    if (req.op === "unregister" && this.registrants.has(req.id)) {
      this.note(req.id, `Recording ended at ${at}: unregistered by ${describePeer(peer)}.`);
    }
    const res = await handle(req, peer);
    this.record(req, peer, res, at);
    return res;
  }
  record(req, peer, res, at) {
    if (!res.ok) return;
    if (req.op === "register") {
      this.used.add(req.job.id);
      this.registrants.set(req.job.id, peer.uid);
      this.log.info(`control: ${describePeer(peer)} registered job ${req.job.id}`);
      this.note(req.job.id, `Recording started at ${at}: registered by ${describePeer(peer)}.`);
    } else if (req.op === "unregister") {
      this.log.info(`control: ${describePeer(peer)} unregistered job ${req.id}`);
    }
  }
};

// src/daemon/survive.ts
var count2 = 0;
var internalErrors = () => count2;
function surviveInternalErrors(log) {
  const record2 = (what, err) => {
    count2++;
    log.error(`${what}: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
  };
  process.on("uncaughtException", (err) => record2("uncaught exception", err));
  process.on("unhandledRejection", (reason) => record2("unhandled rejection", reason));
}

// src/daemon/instance.ts
import { readFileSync as readFileSync9, rmSync as rmSync6, writeFileSync as writeFileSync4 } from "node:fs";
import { join as join11 } from "node:path";
var pidfilePath = (stateDir) => join11(stateDir, "daemon.pid");
var AlreadyRunning = class extends Error {
};
function isLiveDaemon(pid) {
  try {
    const cmdline = readFileSync9(`/proc/${pid}/cmdline`, "utf8");
    return /cicd-sensor|tracker\.js|cli\.js/.test(cmdline);
  } catch {
    return false;
  }
}
function recordedPid(stateDir) {
  try {
    const pid = Number(readFileSync9(pidfilePath(stateDir), "utf8").trim().split(/\s+/)[0]);
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
  rmSync6(path, { force: true });
  writeFileSync4(path, `${process.pid}
`, { flag: "wx", mode: 420 });
}
function releaseInstance(stateDir) {
  try {
    if (Number(readFileSync9(pidfilePath(stateDir), "utf8").trim()) === process.pid) rmSync6(pidfilePath(stateDir));
  } catch {
  }
}

// src/daemon/jobs.ts
import { existsSync as existsSync8, rmdirSync as rmdirSync3 } from "node:fs";
import { join as join14 } from "node:path";

// src/policy/kernelPolicy.ts
var TTL_FLOOR_S = 60;
var TTL_CEILING_S = 3600;
var NAME_PORTS_MAX = 4;
var POLICY_ID_MAX = 1023;
function mapped(e) {
  if (e.family === 6) return { addr16: Buffer.from(e.bytes), prefix: e.prefix, port: e.port ?? 0 };
  const addr16 = Buffer.concat([Buffer.alloc(10), Buffer.from([255, 255]), e.bytes]);
  return { addr16, prefix: 96 + e.prefix, port: e.port ?? 0 };
}
var covers2 = (w, a) => w.wildcard && a.name.endsWith(`.${w.name}`);
function compileNames(endpoints) {
  const names = endpoints.filter((e) => e.kind === "name");
  const byKey = /* @__PURE__ */ new Map();
  for (const e of names) {
    const key = `${e.wildcard ? "*." : ""}${e.name}`;
    const entry = byKey.get(key) ?? { e, ports: /* @__PURE__ */ new Set() };
    for (const source of names.filter((w) => w === e || covers2(w, e))) {
      if (source.port === void 0) entry.ports = "any";
      else if (entry.ports !== "any") entry.ports.add(source.port);
    }
    byKey.set(key, entry);
  }
  return [...byKey.values()].map(({ e, ports }) => {
    const list2 = ports === "any" ? [] : [...ports].sort((a, b) => a - b);
    if (list2.length > NAME_PORTS_MAX) {
      throw new PolicyError(`allowed-endpoints: ${e.wildcard ? "*." : ""}${e.name} has ${list2.length} ports; at most ${NAME_PORTS_MAX} per name (or the name alone for any port)`);
    }
    return { name: e.name, wildcard: e.wildcard, ports: list2 };
  });
}
function compilePolicy(policy, opts = {}) {
  const resolvers = (opts.resolvers ?? []).map((r) => resolverEndpoint(r));
  const addresses = [...policy.endpoints, ...resolvers].filter((e) => e.kind === "address").map(mapped);
  return {
    cfg: {
      mode: policy.mode,
      allowLoopback: policy.allowLoopback,
      ttlFloorS: opts.ttlFloorS ?? TTL_FLOOR_S,
      ttlCeilingS: opts.ttlCeilingS ?? TTL_CEILING_S
    },
    addresses,
    names: compileNames(policy.endpoints)
  };
}
function resolverEndpoint(address) {
  const e = parseEndpoint(address);
  if (e.kind !== "address" || e.prefix !== (e.family === 4 ? 32 : 128)) throw new PolicyError(`resolver "${address}" is not an IP address`);
  return { ...e, port: 53 };
}
function installPolicy(maps, id2, compiled) {
  maps.clearPolicy(id2);
  for (const a of compiled.addresses) maps.addPolicyAddress(id2, a.addr16, a.prefix, a.port);
  for (const n of compiled.names) maps.addPolicyName(id2, n.name, n.wildcard, n.ports);
  maps.setPolicy(id2, compiled.cfg);
}
var ENFORCING_HOOKS = ["network_connect", "udp_sendmsg", "domain"];
function requireEnforcement(plan, policy) {
  if (policy.mode !== "block") return;
  for (const hook of ENFORCING_HOOKS) {
    const entry = plan.find((p) => p.hook === hook);
    if (entry && entry.mechanism !== "none") continue;
    const why = entry?.unavailable?.map((u) => `${u.mechanism}: ${u.error}`).join("; ") ?? "not in the attach plan";
    throw new PolicyError(`egress-policy block cannot be enforced here: the ${hook} hook is not attached (${why})`);
  }
}
var PolicyIds = class {
  used = /* @__PURE__ */ new Set();
  take() {
    for (let id2 = 1; id2 <= POLICY_ID_MAX; id2++) {
      if (this.used.has(id2)) continue;
      this.used.add(id2);
      return id2;
    }
    throw new PolicyError(`more than ${POLICY_ID_MAX} jobs with an egress policy on one sensor`);
  }
  release(id2) {
    this.used.delete(id2);
  }
};

// src/policy/resolvers.ts
import { readFileSync as readFileSync10 } from "node:fs";
import { isIP } from "node:net";
var RESOLV_CONF_PATHS = ["/etc/resolv.conf", "/run/systemd/resolve/resolv.conf"];
function nameservers(text3) {
  const out = [];
  for (const line2 of text3.split("\n")) {
    const m = /^\s*nameserver\s+(\S+)/.exec(line2);
    const addr = m?.[1]?.replace(/%.*$/, "");
    if (addr && isIP(addr) && !out.includes(addr)) out.push(addr);
  }
  return out;
}
function hostResolvers(paths2 = RESOLV_CONF_PATHS) {
  const all = paths2.flatMap((p) => {
    try {
      return nameservers(readFileSync10(p, "utf8"));
    } catch {
      return [];
    }
  });
  return [...new Set(all)];
}

// src/policy/enforce.ts
var TTL_FLOOR_ENV = EnvVar.PolicyTtlFloor;
function planForPolicy(plan, refused = process.env[EnvVar.DebugRefuseHooks] ?? "") {
  const names = new Set(refused.split(",").map((h) => h.trim()).filter(Boolean));
  if (names.size === 0) return plan;
  return plan.map(
    (p) => names.has(p.hook) ? { ...p, mechanism: "none", unavailable: [{ mechanism: p.mechanism, target: p.target, error: `refused by ${EnvVar.DebugRefuseHooks}` }] } : p
  );
}
function enforcePolicy(maps, plan, policy, ids, opts = {}) {
  requireEnforcement(planForPolicy(plan), policy);
  const floor2 = Number(process.env[TTL_FLOOR_ENV]);
  const compiled = compilePolicy(policy, {
    resolvers: opts.resolvers ?? hostResolvers(),
    ...Number.isInteger(floor2) && floor2 >= 0 ? { ttlFloorS: floor2 } : {}
  });
  const id2 = ids.take();
  try {
    installPolicy(maps, id2, compiled);
    for (const pid of opts.exempt ?? []) maps.exemptTask(pid, true);
  } catch (err) {
    ids.release(id2);
    throw err;
  }
  return id2;
}
function releasePolicy(maps, id2, ids, exempt = []) {
  for (const pid of exempt) maps.exemptTask(pid, false);
  maps.clearPolicy(id2);
  ids.release(id2);
}

// src/rules/builtin.ts
import { existsSync as existsSync7, readdirSync as readdirSync3, readFileSync as readFileSync12 } from "node:fs";
import { dirname as dirname6, join as join12, resolve as resolve2 } from "node:path";
import { fileURLToPath as fileURLToPath2 } from "node:url";

// src/rules/prebuilt.ts
import { createHash as createHash2 } from "node:crypto";

// node_modules/@marcbachmann/cel-js/lib/errors.js
var CelError = class extends Error {
  #node;
  #code;
  #range;
  #summary;
  constructor({ name, code: code2, message, node, cause, range }) {
    super(message, cause ? { cause } : void 0);
    this.name = name;
    this.#code = code2;
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
function parseError(code2, message, node) {
  if (typeof code2 === "object") return new ParseError(code2);
  return new ParseError({ code: code2, message, node });
}
function evaluationError(code2, message, node) {
  if (typeof code2 === "object") return new EvaluationError(code2);
  return new EvaluationError({ code: code2, message, node });
}
function typeError(code2, message, node) {
  if (typeof code2 === "object") return new TypeError2(code2);
  return new TypeError2({ code: code2, message, node });
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
  const line2 = input.slice(contextStart, contextEnd);
  const highlight = `> ${`${lineNum}`.padStart(4, " ")} | ${line2}
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
  or(optional2) {
    if (this.#value !== void 0) return this;
    if (optional2 instanceof _Optional) return optional2;
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
    const optional2 = ensureOptional(value, macro.receiver, `${macro.functionDesc} receiver`);
    if (optional2.hasValue()) return macro.onHasValue(optional2);
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
      onHasValue: (optional2) => optional2,
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
var hasOwn2 = Object.hasOwn;
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
        const parsed2 = Number(v);
        if (!Number.isNaN(parsed2)) return parsed2;
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
      const num2 = BigInt(v);
      if (num2 <= MAX_INT && num2 >= MIN_INT) return num2;
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
  let count3 = 0;
  for (const c of str2) count3++;
  return count3;
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
    const value = obj instanceof Map ? obj.get(key) : obj && hasOwn2(obj, key) ? obj[key] : void 0;
    if (value === void 0) return;
    if (this.valueType.matchesValueType(value, ev)) return value;
    throw evaluationError(
      "field_type_mismatch",
      `Field '${key}' is not of type '${this.valueType}', got '${ev.debugType(value)}'`,
      ast
    );
  }
  #getListElementAtIndex(list2, pos) {
    switch (list2?.constructor) {
      case Array:
        return list2[pos];
      case Set: {
        let i = 0;
        for (const item of list2) {
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
  const list2 = _createListType(t);
  const map = _createMapType(celTypes.string, t);
  celTypes[list2.name] = list2;
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
    const cached2 = (this.#matchCache ??= /* @__PURE__ */ new Map()).get(left);
    if (cached2 !== void 0) return cached2;
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
    const parsed2 = sig !== void 0 ? this.#parseSignature(sig) : void 0;
    const name = parsed2?.name || opts.name;
    const receiverType = parsed2?.receiverType || opts.receiverType;
    const argTypes = parsed2?.argTypes;
    const returnType = parsed2?.returnType || opts.returnType;
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
function checkElementHomogenous(chk, ctx, expected, el, code2) {
  const type = chk.check(el, ctx);
  if (type === expected || expected.isEmpty()) return type;
  if (type.isEmpty()) return expected;
  throw chk.createError(
    code2,
    `${HOMOGENEOUS_PREFIX[code2]} expected type '${chk.formatType(expected)}' but found '${chk.formatType(type)}'`,
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
    const result2 = handler.apply(ev, args);
    if (result2 instanceof Promise) {
      return result2.catch((error) => {
        throw attachErrorAst(error, ast);
      });
    }
    return result2;
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
  const step2 = args.step;
  const len = items.length;
  while (i < len) {
    if (condition && !condition(accu)) break;
    accu = ev.run(step2, ctx.setIterValue(items[i++], ev));
    if (accu instanceof Promise) return continueLoop(ev, ctx, args, items, accu, i);
  }
  return args.result(accu);
}
async function continueLoop(ev, ctx, args, items, accu, i) {
  if (ctx === args.iterCtx) ctx.async = true;
  const condition = args.condition;
  const step2 = args.step;
  const len = items.length;
  accu = await accu;
  while (i < len) {
    if (condition && !condition(accu)) return args.result(accu);
    accu = ev.run(step2, ctx.setIterValue(items[i++], ev));
    if (accu instanceof Promise) accu = await accu;
  }
  return args.result(accu);
}
function iterateQuantifier(ev, ctx, args, items, accu, i, error, stp) {
  const condition = args.condition;
  const step2 = args.step;
  const len = items.length;
  while (i < len) {
    if (!condition(accu)) return args.result(accu);
    stp = ev.tryEval(step2, ctx.setIterValue(items[i++], ev));
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
  const step2 = args.step;
  const len = items.length;
  stp = await stp;
  if (stp instanceof Error) error ??= stp;
  else accu = stp;
  while (i < len) {
    if (!condition(accu)) return args.result(accu);
    stp = ev.tryEval(step2, ctx.setIterValue(items[i++], ev));
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
      const v = hasOwn2(left || empty, right) ? left[right] : void 0;
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
    let step2 = transform.clone(OPERATORS.accuPush, transform);
    if (predicate) {
      const accuValue = predicate.clone(OPERATORS.accuValue);
      step2 = predicate.clone(OPERATORS.ternary, [predicate.setMeta("label", label), step2, accuValue]);
    }
    return {
      callAst: callAst.clone(OPERATORS.comprehension, {
        errorsAreFatal: true,
        iterable: receiver,
        iterVarName: assertIdentifier(iterVar, invalidMsg),
        init: callAst.clone(OPERATORS.list, []),
        step: step2,
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
    const step2 = predicate.clone(OPERATORS.ternary, [predicate, appendItem, accuValue]);
    return {
      callAst: callAst.clone(OPERATORS.comprehension, {
        errorsAreFatal: true,
        iterable: receiver,
        iterVarName,
        init: callAst.clone(OPERATORS.list, []),
        step: step2,
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
    const result2 = new Uint8Array(a.length + b.length);
    result2.set(a, 0);
    result2.set(b, a.length);
    return result2;
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
  function listIncludes(value, list2, ast, ev) {
    if (list2 instanceof Set && list2.has(value)) return true;
    for (const v of list2) if (isEqual(value, v, ast, ev)) return true;
    return false;
  }
  function mapIncludes(a, b) {
    if (b instanceof Map) return b.get(a) !== void 0;
    return hasOwn2(b, a) ? b[a] !== void 0 : false;
  }
  function listMembership(value, list2, ast, ev) {
    return listIncludes(value, list2, ast, ev);
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
          const code2 = ch.charCodeAt(0);
          if (code2 <= 57 && code2 >= 48) return this.readNumber();
          if (this._isIdentifierCharCode(code2)) return this.readIdentifier();
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
  _readDigits(input, length, pos, code2) {
    while (pos < length && (code2 = input.charCodeAt(pos)) && !(code2 > 57 || code2 < 48)) pos++;
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
  #escapeErr(code2, offset, len, i, chars, extra) {
    const start = offset + i;
    return parseError(code2, ESCAPE_ERRORS[code2](extra), {
      input: this.input,
      pos: start,
      start,
      end: Math.min(start + chars, offset + len)
    });
  }
  processEscapes(offset, str2, isBytes) {
    if (!str2.includes("\\")) return str2;
    const len = str2.length;
    let result2 = "";
    let i = 0;
    while (i < len) {
      if (str2[i] !== "\\" || i + 1 >= len) {
        result2 += str2[i++];
        continue;
      }
      const next = str2[i + 1];
      if (STRING_ESCAPES[next]) {
        result2 += STRING_ESCAPES[next];
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
        result2 += String.fromCodePoint(c);
        i += 2 + hexLen;
      } else if (next === "x" || next === "X") {
        const h = str2.substring(i + 2, i + 4);
        if (!/^[0-9a-fA-F]{2}$/.test(h))
          throw this.#escapeErr("invalid_hex_escape", offset, len, i, 4, next + h);
        result2 += String.fromCharCode(Number.parseInt(h, 16));
        i += 4;
      } else if (next >= "0" && next <= "7") {
        const o = str2.substring(i + 1, i + 4);
        if (!/^[0-7]{3}$/.test(o)) throw this.#escapeErr("invalid_octal_escape", offset, len, i, 4);
        const value = Number.parseInt(o, 8);
        if (value > 255) throw this.#escapeErr("octal_escape_out_of_range", offset, len, i, 4, o);
        result2 += String.fromCharCode(value);
        i += 4;
      } else {
        throw this.#escapeErr("invalid_escape_sequence", offset, len, i, 2, next);
      }
    }
    return result2;
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
    const result2 = this.parseExpression();
    if (this.match(TOKEN.EOF)) return result2;
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
function parseCel(text3) {
  try {
    return parse(text3).ast;
  } catch (err) {
    if (!(err instanceof ParseError)) throw err;
    throw new CelIssue(`syntax error: ${err.summary}`, err.range?.start ?? 0);
  }
}
var nodeArgs = (node) => node.args;

// src/rules/ipRange.ts
import { isIPv4 as isIPv42, isIPv6 as isIPv62 } from "node:net";
var MAPPED_PREFIX = 0xffffn << 32n;
function v4ToBigint(text3) {
  let value = 0n;
  for (const part of text3.split(".")) value = value << 8n | BigInt(Number(part));
  return value;
}
function v6ToBigint(text3) {
  let head = text3;
  let tailV4;
  const lastColon = text3.lastIndexOf(":");
  if (text3.includes(".", lastColon)) {
    tailV4 = v4ToBigint(text3.slice(lastColon + 1));
    head = `${text3.slice(0, lastColon + 1)}0:0`;
  }
  const [left, right] = head.includes("::") ? head.split("::") : [head, void 0];
  const leftParts = left ? left.split(":") : [];
  const rightParts = right ? right.split(":") : [];
  const zeros = right === void 0 ? [] : new Array(8 - leftParts.length - rightParts.length).fill("0");
  let value = 0n;
  for (const part of [...leftParts, ...zeros, ...rightParts]) value = value << 16n | BigInt(parseInt(part, 16));
  return tailV4 === void 0 ? value : value & ~0xffffffffn | tailV4;
}
function ipToBigint(text3) {
  const bare = text3.startsWith("[") && text3.endsWith("]") ? text3.slice(1, -1) : text3;
  const noZone = bare.includes("%") ? bare.slice(0, bare.indexOf("%")) : bare;
  if (isIPv42(noZone)) return MAPPED_PREFIX | v4ToBigint(noZone);
  if (isIPv62(noZone)) return v6ToBigint(noZone);
  return void 0;
}
function parseCidr(cidr) {
  const slash = cidr.indexOf("/");
  const addrText = slash < 0 ? cidr : cidr.slice(0, slash);
  const v4 = isIPv42(addrText);
  if (!v4 && !isIPv62(addrText)) return `"${cidr}" is not a CIDR: "${addrText}" is not an IP address`;
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
var TARGET_PROCESS = { kind: "object", name: "target_process", fields: { ...PROC_FIELDS, pid: INT } };
function typeName(type) {
  return type.kind === "list" ? `list(${typeName(type.elem)})` : type.kind === "object" ? type.name : type.kind;
}
var EVENT_VARIABLES = {
  process_exec: { is_memfd: BOOL },
  network_connect: { remote_ip: STRING, remote_port: INT, protocol: STRING, family: STRING, domain: STRING, is_blocked: BOOL },
  unix_socket_connect: { path: STRING, socket_type: STRING, is_abstract: BOOL, is_docker_daemon: BOOL },
  file_open: { path: STRING, is_read: BOOL, is_write: BOOL, flags: INT, flag_names: listOf(STRING), target_process: TARGET_PROCESS },
  file_remove: { path: STRING, is_folder: BOOL },
  file_move: { from_path: STRING, to_path: STRING },
  file_link: { created_path: STRING, existing_path: STRING, is_hardlink: BOOL, is_symlink: BOOL },
  mount: { source_path: STRING, target_path: STRING },
  domain: { domain: STRING, source: STRING, is_blocked: BOOL },
  http_request: { method: STRING, path: STRING, host: STRING, source: STRING },
  process_access: { operation: STRING, request: STRING, is_write: BOOL, is_prevented: BOOL, proc_file: STRING, target: TARGET },
  container_create: {
    image: STRING,
    name: STRING,
    is_privileged: BOOL,
    pid_mode: STRING,
    network_mode: STRING,
    binds: listOf(STRING),
    cap_add: listOf(STRING),
    devices: listOf(STRING),
    device_cgroup_rules: listOf(STRING),
    security_opt: listOf(STRING),
    userns_mode: STRING,
    ipc_mode: STRING,
    cgroupns_mode: STRING,
    volumes_from: listOf(STRING),
    is_refused: BOOL,
    refusal: STRING
  },
  container_exec: {
    container: STRING,
    container_id: STRING,
    is_job_container: BOOL,
    is_privileged: BOOL,
    user: STRING,
    cmd: listOf(STRING),
    is_refused: BOOL,
    refusal: STRING
  }
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
      const id2 = operand.args[1];
      if (!this.scope.rules.has(id2)) this.fail(operand, `unknown rule "${id2}" in this rule set`);
      if (field !== "total_count") this.fail(node, `rule.${id2} has only total_count, not "${field}"`);
      this.scope.referenced?.add(id2);
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
function isAscii2(text3) {
  for (let i = 0; i < text3.length; i++) if (text3.charCodeAt(i) >= 128) return false;
  return true;
}
var FOLDABLE = /[^\x00-\x40\x5b-\x7f]/;
function fold(text3) {
  if (!FOLDABLE.test(text3)) return text3;
  const lower = text3.toLowerCase();
  return isAscii2(lower) ? lower : lower.normalize("NFC");
}
function foldAll(texts) {
  return texts === void 0 ? [] : texts.map(fold);
}

// src/rules/compile.ts
function affixKey(text3, tail) {
  const n = text3.length;
  if (n < 2) return -1;
  const a = tail ? text3.charCodeAt(n - 1) : text3.charCodeAt(0);
  const b = tail ? text3.charCodeAt(n - 2) : text3.charCodeAt(1);
  return (a | b) >= 128 ? -1 : a * 128 + b;
}
function affixMatcher(items, tail) {
  const short2 = [];
  const buckets = /* @__PURE__ */ new Map();
  for (const item of items) {
    const key = affixKey(item, tail);
    if (key < 0) short2.push(item);
    else {
      const bucket = buckets.get(key);
      if (bucket === void 0) buckets.set(key, [item]);
      else bucket.push(item);
    }
  }
  const has = tail ? (v, s) => v.endsWith(s) : (v, s) => v.startsWith(s);
  return (v) => {
    const key = affixKey(v, tail);
    const bucket = key < 0 ? void 0 : buckets.get(key);
    if (bucket !== void 0) {
      for (let i = 0; i < bucket.length; i++) if (has(v, bucket[i])) return true;
    }
    for (let i = 0; i < short2.length; i++) if (has(v, short2[i])) return true;
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
var VARIABLES = {
  path: (a) => a.path,
  is_read: (a) => a.is_read,
  is_write: (a) => a.is_write,
  process: (a) => a.process,
  domain: (a) => a.domain,
  remote_ip: (a) => a.remote_ip,
  remote_port: (a) => a.remote_port
};
var PROCESS_FIELDS = {
  exec_path: (a) => a.process.exec_path,
  argv: (a) => a.process.argv,
  ancestors: (a) => a.process.ancestors
};
function slotField(slot, field) {
  if (field === "exec_path") return (_a, f) => f[slot].exec_path;
  if (field === "argv") return (_a, f) => f[slot].argv;
  if (field === "descendants") return (_a, f) => f[slot].descendants;
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
    const slot = this.slotOf(name);
    if (slot !== void 0) return (_a, f) => f[slot];
    return Object.hasOwn(VARIABLES, name) ? VARIABLES[name] : (a) => a[name];
  }
  /** The frame slot of an exists() variable in scope, innermost first. */
  slotOf(name) {
    for (let i = this.slots.length - 1; i >= 0; i--) {
      const slot = this.slots[i].get(name);
      if (slot !== void 0) return slot;
    }
    return void 0;
  }
  /** A field of a variable (the activation's, or an exists() item's) read in one closure, when it is a hot one. */
  fieldOf(operand, field) {
    if (operand.op !== "id") return void 0;
    const name = operand.args;
    const slot = this.slotOf(name);
    if (slot !== void 0) return slotField(slot, field);
    return name === "process" && Object.hasOwn(PROCESS_FIELDS, field) ? PROCESS_FIELDS[field] : void 0;
  }
  constantList(node) {
    if (node.op === "list") return nodeArgs(node).map((item) => fold(item.args));
    if (node.op !== ".") return void 0;
    const [operand, field] = node.args;
    const free = operand.op === "id" && operand.args === "list" && !this.slots.some((s) => s.has("list"));
    return free ? this.ctx.lists.get(field).map(fold) : void 0;
  }
  select(node) {
    const list2 = this.constantList(node);
    if (list2 !== void 0) return () => list2;
    const [operand, field] = node.args;
    if (this.ctx.ruleIndex && field === "total_count" && operand.op === ".") {
      const index = this.ctx.ruleIndex(operand.args[1]);
      return (counts) => counts[index];
    }
    const direct = this.fieldOf(operand, field);
    if (direct !== void 0) return direct;
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
    const list2 = this.constantList(rangeNode);
    const test = list2 && this.itemTest(pred, v);
    const matcher = test && listMatcher(test.method, list2);
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
function requiredFlags(root, isBool) {
  if (root.op === "&&") return nodeArgs(root).flatMap((term) => requiredFlags(term, isBool));
  return root.op === "id" && isBool(root.args) ? [root.args] : [];
}
function compileCondition(root, ctx) {
  return new Compiler(ctx).compile(root);
}

// src/rules/load.ts
var import_yaml2 = __toESM(require_dist(), 1);

// src/rules/yamlFields.ts
var import_yaml = __toESM(require_dist(), 1);

// src/rules/position.ts
function contentLines(source, node) {
  const [begin, end] = node.range;
  const raw = source.slice(begin, end);
  const lines2 = [];
  const block2 = node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED";
  const quoted = node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE";
  let offset = begin;
  const parts = raw.split("\n");
  const bodyIndent = block2 ? Math.min(...parts.slice(1).filter((l) => l.trim() !== "").map((l) => l.length - l.trimStart().length)) : 0;
  parts.forEach((line2, i) => {
    if (!(block2 && i === 0)) {
      let skip = block2 ? Math.min(bodyIndent, line2.length) : line2.length - line2.trimStart().length;
      if (quoted && i === 0) skip += 1;
      lines2.push({ start: offset + skip, length: Math.max(0, line2.trimEnd().length - skip) });
    }
    offset += line2.length + 1;
  });
  return lines2;
}
function celPlace(file, source, node, counter) {
  const start = counter.linePos(node.range?.[0] ?? 0);
  const lines2 = node.range ? contentLines(source, node) : [];
  return {
    file,
    line: start.line,
    col: start.col,
    lines: lines2.map((l) => {
      const pos = counter.linePos(l.start);
      return [pos.line, pos.col, l.length];
    })
  };
}
function placeAt(place, offset) {
  let rest = offset;
  for (const [line2, col, length] of place.lines) {
    if (rest <= length) return { file: place.file, line: line2, col: col + rest };
    rest -= length + 1;
  }
  const last = place.lines.at(-1);
  return last ? { file: place.file, line: last[0], col: last[1] + rest + last[2] + 1 } : { file: place.file, line: place.line, col: place.col };
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
    const text3 = this.string(key, required);
    const node = this.raw(key);
    if (text3 === void 0 || !(0, import_yaml.isScalar)(node)) return void 0;
    return { text: text3, place: celPlace(this.ctx.file, this.ctx.source, node, this.ctx.counter) };
  }
  oneOf(key, values, required = false) {
    const text3 = this.string(key, required);
    if (text3 === void 0) return void 0;
    if (!values.includes(text3)) {
      this.problem(key, `"${key}" must be one of ${values.join(", ")}, not "${text3}"`);
      return void 0;
    }
    return text3;
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

// src/rules/pathGate.ts
var AFFIX_TESTS = /* @__PURE__ */ new Set(["endsWith", "startsWith", "contains"]);
var isPath = (n) => n.op === "id" && n.args === "path";
function stringValue(n) {
  return n.op === "value" && typeof n.args === "string" ? fold(n.args) : void 0;
}
function constantList(n, lists2) {
  if (n.op === "list") {
    const items2 = nodeArgs(n).map(stringValue);
    return items2.every((s) => s !== void 0) ? items2 : void 0;
  }
  if (n.op !== ".") return void 0;
  const [operand, field] = n.args;
  const items = operand.op === "id" && operand.args === "list" ? lists2.get(field) : void 0;
  return items?.map(fold);
}
function existsAtoms(n, lists2) {
  const [, range, args] = n.args;
  const items = constantList(range, lists2);
  const v = args[0].args;
  const pred = args[1];
  const isV = (x) => x.op === "id" && x.args === v;
  if (items === void 0 || v === "path") return void 0;
  let test;
  if (pred.op === "rcall") {
    const [name, receiver, predArgs] = pred.args;
    if (AFFIX_TESTS.has(name) && isPath(receiver) && predArgs.length === 1 && isV(predArgs[0])) test = name;
  } else if (pred.op === "==") {
    const [l, r] = nodeArgs(pred);
    if (isPath(l) && isV(r) || isV(l) && isPath(r)) test = "==";
  }
  return test === void 0 ? void 0 : items.map((text3) => ({ test, text: text3 }));
}
function pathAtoms(n, lists2) {
  if (n.op === "||") {
    const [l, r] = nodeArgs(n).map((x) => pathAtoms(x, lists2));
    return l && r ? [...l, ...r] : void 0;
  }
  if (n.op === "==") {
    const [l, r] = nodeArgs(n);
    const text4 = isPath(l) ? stringValue(r) : isPath(r) ? stringValue(l) : void 0;
    return text4 === void 0 ? void 0 : [{ test: "==", text: text4 }];
  }
  if (n.op !== "rcall") return void 0;
  const [name, receiver, args] = n.args;
  if (name === "exists") return existsAtoms(n, lists2);
  const text3 = AFFIX_TESTS.has(name) && isPath(receiver) && args.length === 1 ? stringValue(args[0]) : void 0;
  return text3 === void 0 ? void 0 : [{ test: name, text: text3 }];
}
function costOf(atom) {
  if (atom.test === "==") return 0;
  if (atom.test === "endsWith") return affixKey(atom.text, true) < 0 ? 2 : 1;
  return atom.test === "startsWith" && prefixKey(atom.text) >= 0 ? 1 : 2;
}
function requiredPath(root, lists2) {
  let best;
  let bestCost = Infinity;
  for (const term of andTerms(root)) {
    const atoms = pathAtoms(term, lists2);
    if (atoms === void 0) continue;
    const cost = atoms.reduce((sum, a) => sum + (costOf(a) === 2 ? 8 : a.test === "startsWith" ? 2 : costOf(a)), 0);
    if (cost < bestCost) [best, bestCost] = [atoms, cost];
  }
  return best;
}
function* andTerms(n) {
  if (n.op !== "&&") yield n;
  else for (const term of nodeArgs(n)) yield* andTerms(term);
}
function prefixKey(text3) {
  const end = text3.indexOf("/", 1);
  if (end < 0) return -1;
  const c1 = end > 1 ? text3.charCodeAt(1) & 127 : 0;
  const c2 = end > 2 ? text3.charCodeAt(2) & 127 : 0;
  return end * 16384 + c1 * 128 + c2;
}
function push(map, key, entry) {
  const list2 = map.get(key);
  if (list2 === void 0) map.set(key, [entry]);
  else list2.push(entry);
}
var PathGate = class {
  constructor(rules2) {
    this.rules = rules2;
    this.gated = new Uint8Array(rules2.length);
    this.marks = new Uint32Array(rules2.length);
    rules2.forEach((rule2, at) => {
      if (rule2.path === void 0) return;
      this.gated[at] = 1;
      for (const atom of rule2.path) this.add({ ...atom, at });
    });
    this.anyGated = this.gated.includes(1);
    this.ungated = rules2.filter((rule2) => rule2.path === void 0);
  }
  rules;
  /** 1 where the rule has a path term: evaluated only when one of its atoms holds */
  gated;
  /** per rule: the last select() whose path one of its atoms held for */
  marks;
  generation = 0;
  exact = /* @__PURE__ */ new Map();
  suffixes = /* @__PURE__ */ new Map();
  prefixes = /* @__PURE__ */ new Map();
  /** short affixes and contains(): tried on every path */
  scan = [];
  anyGated;
  /** the rules with no path term: the answer when no atom holds */
  ungated;
  /** atoms that held in the last markAll() */
  held = 0;
  /** select()'s answer, reused: the engine reads it before the next call */
  picked = [];
  add(entry) {
    const cost = costOf(entry);
    if (entry.test === "==") push(this.exact, entry.text, entry);
    else if (cost === 2) this.scan.push(entry);
    else if (entry.test === "endsWith") push(this.suffixes, affixKey(entry.text, true), entry);
    else push(this.prefixes, prefixKey(entry.text), entry);
  }
  /** The rules that can hit an event with this path, in book order. */
  select(path) {
    if (!this.anyGated || typeof path !== "string") return this.rules;
    let gen = ++this.generation;
    if (gen === 4294967295) {
      this.marks.fill(0);
      gen = this.generation = 1;
    }
    this.held = 0;
    this.markAll(path, gen);
    if (this.held === 0) return this.ungated;
    const picked = this.picked;
    picked.length = 0;
    for (let i = 0; i < this.rules.length; i++) if (this.gated[i] === 0 || this.marks[i] === gen) picked.push(this.rules[i]);
    return picked;
  }
  markAll(path, gen) {
    if (this.exact.size > 0) this.mark(this.exact.get(path), path, gen);
    if (this.suffixes.size > 0) {
      const key = affixKey(path, true);
      if (key >= 0) this.mark(this.suffixes.get(key), path, gen);
    }
    if (this.prefixes.size > 0) {
      const key = prefixKey(path);
      if (key >= 0) this.mark(this.prefixes.get(key), path, gen);
    }
    this.mark(this.scan, path, gen);
  }
  mark(entries, path, gen) {
    if (entries === void 0) return;
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i];
      if (this.marks[e.at] !== gen && holds(e, path)) {
        this.marks[e.at] = gen;
        this.held++;
      }
    }
  }
};
function holds(e, path) {
  switch (e.test) {
    case "==":
      return path === e.text;
    case "endsWith":
      return path.endsWith(e.text);
    case "startsWith":
      return path.startsWith(e.text);
    default:
      return path.includes(e.text);
  }
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
    const ast = cel.ast ?? parseCel(cel.text);
    checkCondition(ast, scope);
    return { run: compileCondition(ast, ctx), ast };
  } catch (err) {
    if (!(err instanceof CelIssue)) throw err;
    problems.push({ at: placeAt(cel.place, err.offset), rule: label, message: err.message });
    return void 0;
  }
}
function compileRule(rule2, mod, sc, index, opts, problems) {
  const label = `${rule2.rulesetId}/${rule2.ruleId}`;
  const correlation = rule2.eventType === void 0;
  const scope = correlation ? { variables: {}, lists: /* @__PURE__ */ new Set(), rules: new Set([...sc.ruleIds].filter((id2) => id2 !== rule2.ruleId)), referenced: /* @__PURE__ */ new Set() } : { variables: variablesOf(rule2.eventType), lists: new Set(sc.set.lists.keys()) };
  const ctx = { lists: sc.set.lists, ruleIndex: correlation ? (id2) => sc.indexOf.get(id2) : void 0 };
  const condition = compileText(rule2.condition, scope, ctx, label, problems);
  const exceptionTexts = [...rule2.exceptions ? [rule2.exceptions] : [], ...mod.addExceptions];
  const exceptions = exceptionTexts.map((text3) => compileText(text3, scope, ctx, label, problems)?.run);
  if (!condition || exceptions.some((e) => e === void 0)) return void 0;
  return {
    index,
    spec: rule2,
    condition: condition.run,
    exceptions,
    reads: [...scope.referenced ?? []].map((id2) => sc.indexOf.get(id2)),
    requires: requiredFlags(condition.ast, (name) => scope.variables[name]?.kind === "bool"),
    path: scope.variables.path?.kind === "string" ? requiredPath(condition.ast, sc.set.lists) : void 0,
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
  const gated = new Map([...byEventType].map(([type, list2]) => [type, gate(list2)]));
  return { rules: rules2, byEventType, gated, correlationsOf, slots };
}
var MAX_GATE_FLAGS = 4;
function gate(rules2) {
  const flags = [...new Set(rules2.flatMap((r) => r.requires))].slice(0, MAX_GATE_FLAGS);
  const lists2 = Array.from(
    { length: 1 << flags.length },
    (_, mask) => new PathGate(rules2.filter((r) => r.requires.every((name) => !flags.includes(name) || (mask & 1 << flags.indexOf(name)) !== 0)))
  );
  return { flags, lists: lists2 };
}

// src/rules/prebuilt.ts
var FORMAT = 1;
var textHash = (text3) => createHash2("sha256").update(text3).digest("hex");
function reviver(_key, value) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  if (keys.length !== 1) return value;
  const v = value;
  if (keys[0] === "$map" && Array.isArray(v.$map)) return new Map(v.$map);
  if (keys[0] === "$int" && typeof v.$int === "string") return BigInt(v.$int);
  return value;
}
function decodePrebuilt(text3) {
  const parsed2 = JSON.parse(text3, reviver);
  if (parsed2.format !== FORMAT || !Array.isArray(parsed2.files)) return /* @__PURE__ */ new Map();
  return new Map(parsed2.files.map((f) => [f.name, f]));
}
function prebuiltParse(prebuilt, source) {
  const file = prebuilt.get(source.name);
  return file && file.sha256 === textHash(source.text) ? file.loaded : void 0;
}

// src/rules/sources.ts
import { readFileSync as readFileSync11 } from "node:fs";
function readRuleSources(paths2) {
  const problems = [];
  const sources = [];
  for (const name of paths2) {
    try {
      sources.push({ name, text: readFileSync11(name, "utf8") });
    } catch (err) {
      problems.push({ at: { file: name, line: 1, col: 1 }, message: `cannot read: ${err.message}` });
    }
  }
  if (problems.length > 0) throw new RuleLoadError(problems);
  return sources;
}
var parsed = /* @__PURE__ */ new Map();
var PARSED_MAX = 64;
function parseCached(source, problems) {
  const key = `${source.name}\0${source.text}`;
  const hit = parsed.get(key);
  if (hit) return hit;
  const before = problems.length;
  const file = parseRuleFile(source.name, source.text, problems);
  if (problems.length === before) {
    if (parsed.size >= PARSED_MAX) parsed.delete(parsed.keys().next().value);
    parsed.set(key, file);
  }
  return file;
}
function seedParsed(source, file) {
  if (parsed.size >= PARSED_MAX) parsed.delete(parsed.keys().next().value);
  parsed.set(`${source.name}\0${source.text}`, file);
}
function bookFromSources(sources, opts = {}) {
  const problems = [];
  const files = sources.map((s) => parseCached(s, problems));
  return buildRuleBook(files, opts, problems);
}

// src/rules/builtin.ts
var RULE_FILE = /^[a-z0-9_-]+\.yaml$/;
function builtinRulesDir() {
  const here = dirname6(fileURLToPath2(import.meta.url));
  for (const candidate of [join12(here, "rules", "builtin"), resolve2(here, "../../rules/builtin")]) {
    if (existsSync7(candidate)) return candidate;
  }
  throw new Error(`cicd-sensor's built-in rules are not found next to ${here}; run 'npm run build'`);
}
function builtinRuleFiles(dir = builtinRulesDir()) {
  return readdirSync3(dir).filter((name) => RULE_FILE.test(name)).sort().map((name) => join12(dir, name));
}
var PREBUILT_FILE = "builtin.prebuilt.json";
function readBuiltinSources(dir) {
  return readRuleSources(builtinRuleFiles(dir)).map((s) => ({ name: `builtin:${s.name.slice(s.name.lastIndexOf("/") + 1)}`, text: s.text }));
}
function usePrebuilt(dir, sources) {
  let text3;
  try {
    text3 = readFileSync12(join12(dir, "..", PREBUILT_FILE), "utf8");
  } catch (err) {
    if (err.code === "ENOENT") return;
    throw err;
  }
  const prebuilt = decodePrebuilt(text3);
  for (const source of sources) {
    const loaded = prebuiltParse(prebuilt, source);
    if (loaded) seedParsed(source, loaded);
  }
}
function loadBuiltinSources(dir) {
  const sources = readBuiltinSources(dir);
  usePrebuilt(dir, sources);
  return sources;
}
var cached;
function builtinRuleSources() {
  cached ??= loadBuiltinSources(builtinRulesDir());
  return cached;
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
  process_access: (e) => `${e.access?.operation ?? "accessed"}${e.access?.request ? ` ${e.access.request}` : ""} on pid ${e.access?.target.pid ?? "?"} (${e.access?.target.exec_path ?? "?"})`,
  container_create: (e) => `${e.container_create?.refused ? "was refused a container" : "created a container"} of ${e.container_create?.image || "?"}${e.container_create?.refusal ? `: ${e.container_create.refusal}` : ""}`,
  container_exec: (e) => {
    const x = e.container_exec;
    const what = `${x?.privileged ? "a privileged " : ""}docker exec in ${x?.container ?? "?"}${x?.user ? ` as user ${x.user}` : ""}`;
    return `${x?.refused ? `was refused ${what}` : `ran ${what}`}: ${(x?.cmd ?? []).join(" ").slice(0, MAX_ARGV)}`;
  }
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
var ancestorCache = /* @__PURE__ */ new WeakMap();
function ancestorProcVars(a) {
  let vars = ancestorCache.get(a);
  if (vars === void 0) {
    vars = procVars(a.exec_path, a.argv);
    ancestorCache.set(a, vars);
  }
  return vars;
}
var AncestorEntry = class {
  exec_path;
  argv;
  #chain;
  #at;
  #descendants;
  constructor(chain, at) {
    this.exec_path = chain[at].exec_path;
    this.argv = chain[at].argv;
    this.#chain = chain;
    this.#at = at;
  }
  get descendants() {
    this.#descendants ??= this.#chain.slice(0, this.#at).reverse();
    return this.#descendants;
  }
};
function ancestorVars(ancestors) {
  const plain2 = ancestors.map(ancestorProcVars);
  return plain2.map((_, i) => new AncestorEntry(plain2, i));
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
  constructor(e) {
    this.e = e;
    const access = e.file?.access;
    this.path = str(e.file?.path);
    this.is_read = access === "read" || access === "read_write";
    this.is_write = access === "write" || access === "read_write";
  }
  e;
  path;
  is_read;
  is_write;
  vars;
  get process() {
    return this.vars ??= processVars(this.e.process);
  }
  get flags() {
    return openFlagBits(this.e.file?.flags ?? []);
  }
  get flag_names() {
    return foldAll(this.e.file?.flags);
  }
  get target_process() {
    const t = this.e.file?.target_process;
    return { ...procVars(t?.exec_path ?? "", t?.argv), pid: t?.pid ?? 0 };
  }
};
var str = (text3) => text3 === void 0 ? "" : fold(text3);
var FILL = {
  process_exec: (e, process2) => ({ process: process2, is_memfd: e.process.memfd === true }),
  network_connect: (e, process2) => ({
    process: process2,
    remote_ip: str(e.network?.address),
    remote_port: e.network?.port ?? 0,
    protocol: str(e.network?.protocol),
    family: str(e.network?.family),
    domain: str(e.network?.domain),
    is_blocked: e.network?.blocked === true
  }),
  unix_socket_connect: (e, process2) => ({
    process: process2,
    path: str(e.unix_socket?.path),
    socket_type: str(e.unix_socket?.socket_type ?? "unknown"),
    is_abstract: e.unix_socket?.path.startsWith("@") === true,
    is_docker_daemon: e.unix_socket?.docker_daemon === true
  }),
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
  domain: (e, process2) => ({
    process: process2,
    domain: str(e.domain?.name).replace(/\.$/, ""),
    source: str(e.domain?.source),
    is_blocked: e.domain?.blocked === true
  }),
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
    is_prevented: e.access?.prevented === true,
    proc_file: str(e.access?.proc_file),
    target: {
      ...procVars(e.access?.target.exec_path ?? "", e.access?.target.argv),
      in_job: e.access?.target.in_job === true
    }
  }),
  container_create: (e, process2) => {
    const c = e.container_create;
    return {
      process: process2,
      image: str(c?.image),
      name: str(c?.name),
      is_privileged: c?.privileged === true,
      pid_mode: str(c?.pid_mode),
      network_mode: str(c?.network_mode),
      binds: foldAll(c?.binds),
      cap_add: foldAll(c?.cap_add),
      devices: foldAll(c?.devices),
      device_cgroup_rules: foldAll(c?.device_cgroup_rules),
      security_opt: foldAll(c?.security_opt),
      userns_mode: str(c?.userns_mode),
      ipc_mode: str(c?.ipc_mode),
      cgroupns_mode: str(c?.cgroupns_mode),
      volumes_from: foldAll(c?.volumes_from),
      is_refused: c?.refused === true,
      refusal: str(c?.refusal)
    };
  },
  container_exec: (e, process2) => {
    const x = e.container_exec;
    return {
      process: process2,
      container: str(x?.container),
      container_id: str(x?.container_id),
      is_job_container: x?.job_container === true,
      is_privileged: x?.privileged === true,
      user: str(x?.user),
      cmd: foldAll(x?.cmd),
      is_refused: x?.refused === true,
      refusal: str(x?.refusal)
    };
  }
};
function activationOf(e, type) {
  if (type === "file_open") return new FileOpenVars(e);
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
function flagMask(flags, activation) {
  let mask = 0;
  for (let i = 0; i < flags.length; i++) if (activation[flags[i]] === true) mask |= 1 << i;
  return mask;
}
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
    const gated = isRuleEventType(kind) ? this.book.gated.get(kind) : void 0;
    if (gated === void 0) return NOTHING;
    const activation = activationOf(event, kind);
    const rules2 = gated.lists[flagMask(gated.flags, activation)].select(activation.path);
    if (rules2.length === 0) return NOTHING;
    const state = this.stateOf(event);
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
    const count3 = ++state.counts[rule2.index];
    if (rule2.action === "terminate") out.terminate = true;
    if (count3 <= rule2.maxAlerts) out.findings.push(findingOf(rule2, event));
    for (const corr of this.book.correlationsOf.get(rule2.index) ?? []) {
      if (state.active[corr.index] === 0 || state.fired.has(corr.index)) continue;
      if (corr.condition(state.counts, this.frame) !== true) continue;
      state.fired.add(corr.index);
      this.record(corr, event, state, out);
    }
  }
};

// src/rules/ruleStage.ts
import { join as join13 } from "node:path";

// src/findings/ndjson.ts
function findingsNdjson(findings) {
  return findings.map((f) => `${JSON.stringify(f)}
`).join("");
}
function writeFindingsNdjson(path, findings) {
  writeReplacing(path, findingsNdjson(findings));
}

// src/rules/terminate.ts
import { readFileSync as readFileSync13 } from "node:fs";
var CLOCK_TICKS = 100;
var START_SLACK_MS = 1500;
var procStat = (pid) => readProcStat(pid);
function bootTimeMs() {
  try {
    const line2 = readFileSync13("/proc/stat", "latin1").split("\n").find((l) => l.startsWith("btime "));
    return line2 ? Number(line2.slice(6)) * 1e3 : void 0;
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
function responseOf(f, event, outcome) {
  if (event.access?.prevented === true) {
    const after = f.action === "terminate" && outcome ? `; then ${outcome.detail}` : "";
    return { kind: "prevented", detail: `protect-runner stopped the access in the kernel before it happened${after}` };
  }
  if (f.action !== "terminate" || !outcome) return void 0;
  return { kind: outcome.killed ? "killed" : "none", detail: outcome.detail };
}
var RuleStage = class {
  constructor(engine, kill = killProcess) {
    this.engine = engine;
    this.kill = kill;
  }
  engine;
  kill;
  found = [];
  /** The events of the findings, by seq (as many as findings: max_alerts bounds them). */
  events = /* @__PURE__ */ new Map();
  earlier = /* @__PURE__ */ new Map();
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
    this.events.clear();
    replay((event) => {
      this.jobId ??= event.job.id;
      for (const f of engine.evaluate(event).findings) {
        const late = f.action === "terminate" ? LATE : void 0;
        const response = responses.get(findingKey(f)) ?? (event.access?.prevented === true ? responseOf(f, event, void 0) : late);
        this.add(response ? { ...f, response } : f, event);
      }
    });
  }
  onEvent(event) {
    this.jobId ??= event.job.id;
    const result2 = this.engine.evaluate(event);
    if (result2.findings.length === 0 && !result2.terminate) return;
    const outcome = result2.terminate ? this.kill(event.process.pid, event.process.start_time) : void 0;
    for (const f of result2.findings) {
      const response = this.earlier.get(findingKey(f)) ?? responseOf(f, event, outcome);
      this.add(response ? { ...f, response } : f, event);
    }
  }
  /**
   * Findings of an earlier evaluation of the same events (a job's
   * findings.ndjson, when its report is rebuilt from the log): a finding
   * found again keeps the response it got then.
   */
  recall(findings) {
    for (const f of findings) if (f.response) this.earlier.set(findingKey(f), f.response);
  }
  add(finding, event) {
    this.found.push(finding);
    this.events.set(event.seq, event);
  }
  findingEvent(seq) {
    return this.events.get(seq);
  }
  /** The findings so far, in the order they were found. */
  get findings() {
    return this.found;
  }
  finish(end) {
    writeFindingsNdjson(join13(end.dir, FINDINGS_FILE), this.found);
    if (this.jobId !== void 0) this.engine.release(this.jobId);
  }
};

// src/rules/jobRules.ts
function providerHost(env = process.env) {
  try {
    return new URL(env.GITHUB_SERVER_URL ?? "https://github.com").host;
  } catch {
    return "github.com";
  }
}
var BUILTIN_ONLY = Object.freeze({ sources: [], monitorMode: false });
function payloadSources(p) {
  return [...p.builtin === false ? [] : builtinRuleSources(), ...p.sources];
}
function engineFromPayload(p) {
  return new RuleEngine(bookFromSources(payloadSources(p), { monitorMode: p.monitorMode }), { providerHost: providerHost() });
}

// src/report/logReader.ts
import { closeSync as closeSync4, openSync as openSync3, readSync as readSync2 } from "node:fs";
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
  get(line2, start, end, wrap = false) {
    const text3 = line2.slice(start, end);
    for (let i = 0; i < this.texts.length; i++) if (this.texts[i] === text3) return this.values[i];
    const value = JSON.parse(wrap ? `{${text3}}` : text3);
    this.texts[this.next] = text3;
    this.values[this.next] = value;
    this.next = (this.next + 1) % this.size;
    return value;
  }
};
var EventLineParser = class {
  heads = new RecentParts(4);
  processes = new RecentParts(8);
  /** The event on one line; throws SyntaxError like JSON.parse on a broken one. */
  parse(line2) {
    const mid = line2.indexOf(MID);
    const proc = mid < 0 ? -1 : line2.indexOf(PROCESS2, mid);
    if (proc < 0 || !line2.endsWith("}")) return JSON.parse(line2);
    const procStart = proc + PROCESS2.length;
    let procEnd = line2.length - 1;
    for (const tail of TAILS) {
      const at = line2.lastIndexOf(tail);
      if (at > procStart) {
        procEnd = at;
        break;
      }
    }
    try {
      const event = JSON.parse(line2.slice(0, mid) + line2.slice(procEnd));
      const fields = this.heads.get(line2, mid + 1, proc, true);
      for (const key in fields) event[key] = fields[key];
      event.process = this.processes.get(line2, procStart, procEnd);
      return event;
    } catch {
      return JSON.parse(line2);
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
    closeSync4(fd);
  }
}

// src/rules/replay.ts
function replayLog(path, visit) {
  const parser = new EventLineParser();
  let unreadable = 0;
  forEachLine(path, (line2) => {
    let event;
    try {
      event = parser.parse(line2);
    } catch {
      unreadable++;
      return;
    }
    visit(event);
  });
  return unreadable;
}

// src/daemon/jobs.ts
var JobManager = class {
  constructor(stateDir, recorder, owner, reports) {
    this.stateDir = stateDir;
    this.recorder = recorder;
    this.owner = owner;
    this.reports = reports;
  }
  stateDir;
  recorder;
  owner;
  reports;
  choices = /* @__PURE__ */ new Map();
  policies = /* @__PURE__ */ new Map();
  policyIds = new PolicyIds();
  ruleStages = /* @__PURE__ */ new Map();
  ids() {
    return [...this.choices.keys()];
  }
  /**
   * The job's egress policy into the kernel before its cgroups are tracked.
   * Runner.Worker is exempt by pid: its job messages, logs, artifact and cache
   * traffic to GitHub must never be cut off, and the steps are its children,
   * not it. Fails (and the registration with it) when block cannot be enforced.
   */
  enforce(jobId2, egress2, workerPid) {
    const exempt = workerPid ? [workerPid] : [];
    const id2 = enforcePolicy(this.recorder.sensor, this.recorder.plan, egress2, this.policyIds, { exempt });
    const policy = { id: id2, exempt };
    this.policies.set(jobId2, policy);
    return policy;
  }
  release(jobId2) {
    const policy = this.policies.get(jobId2);
    if (!policy) return;
    this.policies.delete(jobId2);
    releasePolicy(this.recorder.sensor, policy.id, this.policyIds, policy.exempt);
  }
  /** protect: the job may not read or trace its Runner.Worker or the sensor (protect-runner); rules: the text of its rule files. */
  register(identity3, target2, opts = {}) {
    const { notes: notes2 = [], protect = false, rules: rules2, egress: egress2, summaryRows } = opts;
    if (this.choices.has(identity3.id)) throw new Error(`job ${identity3.id} is already registered`);
    const stage = new RuleStage(engineFromPayload(rules2 ?? BUILTIN_ONLY));
    if (existsSync8(join14(this.stateDir, "jobs", identity3.id))) {
      throw new Error(`job id ${identity3.id} was used before on this state directory; a job id is never reused`);
    }
    const choice = chooseJobCgroup(target2, this.recorder.cgroupRoot, identity3.id);
    try {
      const policy = egress2 && this.enforce(identity3.id, egress2, target2.worker === void 0 ? choice.workerPid : void 0);
      return this.begin(identity3, choice, { notes: notes2, protect, stage, policy, egress: egress2, summaryRows });
    } catch (err) {
      this.release(identity3.id);
      throw err;
    }
  }
  begin(identity3, choice, { notes: notes2, protect, stage, policy, egress: egress2, summaryRows }) {
    const dir = join14(this.stateDir, "jobs", identity3.id);
    makeDirectory(dir, 2040, this.owner?.gid);
    const recording = this.recorder.begin({
      identity: identity3,
      dir,
      cgroups: [{ id: cgroupId(choice.path), path: choice.path }],
      workerPid: choice.workerPid,
      ...policy ? { policyId: policy.id } : {},
      protectPids: protect ? [process.pid, ...choice.workerPid !== void 0 ? [choice.workerPid] : []] : [],
      pids: choice.pids,
      workspace: process.env.GITHUB_WORKSPACE,
      notes: [...choice.note ? [choice.note] : [], ...notes2],
      stages: stage ? [stage] : [],
      ...summaryRows !== void 0 ? { rowLimit: summaryRows } : {},
      ...egress2 ? { containerGuard: jobGuard(egress2, choice.workerPid) } : {}
    });
    this.choices.set(identity3.id, choice);
    if (stage) this.ruleStages.set(identity3.id, stage);
    return {
      id: identity3.id,
      cgroup: choice.path,
      isolated: choice.isolated,
      note: choice.note,
      workerPid: choice.workerPid,
      events: recording.eventsPath,
      ...policy && egress2 ? { egress: { mode: egress2.mode, exempt: policy.exempt } } : {}
    };
  }
  /**
   * New rules for a registered job (the repository's, once its main step ran
   * after checkout): its events so far are replayed through them from its
   * log, and they judge the events to come. Returns the findings so far.
   */
  setRules(id2, rules2) {
    const stage = this.ruleStages.get(id2);
    const recording = this.recorder.get(id2);
    if (!stage || !recording) throw new Error(`job ${id2} is not registered with rules`);
    const engine = engineFromPayload(rules2);
    recording.flush();
    stage.reload(engine, (visit) => replayLog(recording.eventsPath, visit));
    return stage.findings.length;
  }
  /** Call after the ring buffer is drained: nothing of the job is left in flight. */
  unregister(id2, endedBy = "unregister") {
    const choice = this.choices.get(id2);
    if (!choice) throw new Error(`no job ${id2} is registered`);
    this.choices.delete(id2);
    this.ruleStages.delete(id2);
    const recording = this.recorder.get(id2);
    recording.end();
    this.release(id2);
    this.undoIsolation(choice);
    const done = this.recorder.finish(id2);
    const marker = { job: recording.identity, startedAt: done.startedAt, endedAt: done.endedAt, endedBy, delivered: done.delivered, cgroup: choice.path };
    writeReplacing(join14(recording.dir, "job.json"), JSON.stringify(marker, null, 2) + "\n");
    this.reports?.add(id2, recording.dir, done.model);
    return { id: id2, dir: recording.dir, delivered: done.delivered, events: done.events, summary: done.summary, report: done.report, html: done.html };
  }
  /** Puts an isolated worker back where it was and removes the job's cgroup. */
  undoIsolation(choice) {
    if (!choice.isolated || !existsSync8(choice.path)) return;
    const parent = join14(choice.path, "..");
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

// src/daemon/reportOp.ts
import { lstatSync as lstatSync3 } from "node:fs";
import { join as join16 } from "node:path";

// src/findings/workflowStep.ts
var import_yaml3 = __toESM(require_dist(), 1);
var firstLine = (script) => script.split("\n").map((l) => l.trim()).find((l) => l.length > 0) ?? "";
function fits(step2, label) {
  if (label.startsWith("uses: ") && step2.uses) {
    const at = label.lastIndexOf("@");
    const repo = label.slice("uses: ".length, at);
    const ref = label.slice(at + 1);
    return step2.uses === `${repo}@${ref}` || step2.uses.startsWith(`${repo}/`) && step2.uses.endsWith(`@${ref}`);
  }
  if (label.startsWith("run: ") && step2.run) {
    const shown = label.slice("run: ".length);
    const line2 = firstLine(step2.run);
    return shown.endsWith("\u2026") ? line2.startsWith(shown.slice(0, -1)) : line2 === shown;
  }
  return false;
}
function stepForLabel(steps, label) {
  return label === void 0 ? void 0 : steps.find((s) => fits(s, label));
}

// src/findings/place.ts
var placeOf = ({ file, steps }) => ({ file, lineOf: (f) => stepForLabel(steps, f.step?.label)?.line });

// src/findings/sarif.ts
import { createHash as createHash3 } from "node:crypto";

// src/findings/severity.ts
var isDetection = (f) => f.action !== "collect";

// src/findings/annotations.ts
function annotationText(f) {
  const step2 = f.step?.label ? ` in step "${f.step.label}"` : "";
  return `${f.rule_name ?? f.rule_id}${step2}: ${f.summary ?? f.event_kind ?? ""} (event ${f.seq}, ${f.ruleset_id}/${f.rule_id})`;
}

// src/findings/sarif.ts
var LEVEL = { critical: "error", high: "error", medium: "warning", low: "note", info: "note" };
var SECURITY_SEVERITY = { critical: "9.5", high: "8.0", medium: "5.5", low: "2.0", info: "0.0" };
var SARIF_FILE = "findings.sarif";
var ruleKey = (f) => `${f.ruleset_id}/${f.rule_id}`;
function sarifRule(f) {
  const help = f.description ?? f.rule_name ?? f.rule_id;
  return {
    id: ruleKey(f),
    name: f.rule_id,
    shortDescription: { text: f.rule_name ?? f.rule_id },
    fullDescription: { text: help },
    help: { text: help, markdown: help },
    defaultConfiguration: { level: LEVEL[f.severity] },
    properties: {
      tags: ["security", ...Object.entries(f.tags ?? {}).filter(([k]) => k !== "severity").map(([k, v]) => `${k}:${v}`)],
      "security-severity": SECURITY_SEVERITY[f.severity],
      precision: "high"
    }
  };
}
function fingerprint(f, file) {
  const parts = [ruleKey(f), file ?? "", f.job?.id ?? "", f.step?.label ?? "", f.process?.exec_path ?? "", f.summary ?? ""];
  return createHash3("sha256").update(parts.join("\0")).digest("hex");
}
function result(f, ruleIndex, place) {
  const out = {
    ruleId: ruleKey(f),
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: annotationText(f) },
    partialFingerprints: { "cicdSensorFinding/v1": fingerprint(f, place?.file) },
    properties: { seq: f.seq, time: f.time, action: f.action, ...f.response ? { response: f.response.kind } : {} }
  };
  if (place) {
    const region = { startLine: place.lineOf(f) ?? 1 };
    out.locations = [{ physicalLocation: { artifactLocation: { uri: place.file }, region } }];
  }
  return out;
}
function findingsSarif(findings, o) {
  const detections = findings.filter(isDetection);
  const index = /* @__PURE__ */ new Map();
  const rules2 = [];
  for (const f of detections) {
    if (index.has(ruleKey(f))) continue;
    index.set(ruleKey(f), rules2.length);
    rules2.push(sarifRule(f));
  }
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "cicd-sensor",
            version: o.toolVersion,
            ...o.informationUri ? { informationUri: o.informationUri } : {},
            rules: rules2
          }
        },
        results: detections.map((f) => result(f, index.get(ruleKey(f)), o.place))
      }
    ]
  };
}
var TOOL_VERSION = "0.1.0";
var sarifText = (findings, place) => `${JSON.stringify(findingsSarif(findings, { toolVersion: TOOL_VERSION, place }), null, 1)}
`;

// src/report/compress.ts
import { closeSync as closeSync5, createReadStream, createWriteStream, renameSync as renameSync3, rmSync as rmSync7, statSync as statSync3 } from "node:fs";
import { randomBytes as randomBytes2 } from "node:crypto";
import { basename as basename4, dirname as dirname7, join as join15 } from "node:path";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
var GZIP_ABOVE = 16 << 20;
async function compressIfLarge(path) {
  if (statSync3(path).size <= GZIP_ABOVE) return path;
  const gz = `${path}.gz`;
  const tmp = join15(dirname7(path), `.${basename4(gz)}.${randomBytes2(6).toString("hex")}.tmp`);
  const fd = createExclusive(tmp);
  try {
    await pipeline(createReadStream(path), createGzip({ level: 1 }), createWriteStream("", { fd, autoClose: false }));
    renameSync3(tmp, gz);
  } catch (err) {
    rmSync7(tmp, { force: true });
    throw err;
  } finally {
    closeSync5(fd);
  }
  return gz;
}

// src/daemon/reportOp.ts
var HELD = 64;
function daemonFile(path) {
  try {
    const st = lstatSync3(path);
    return st.isFile() && st.uid === process.getuid?.();
  } catch {
    return false;
  }
}
var FinishedReports = class {
  held = /* @__PURE__ */ new Map();
  /** A job just unregistered: its model as its report files hold it. */
  add(id2, dir, model) {
    this.held.set(id2, { dir, model, alerts: /* @__PURE__ */ new Set() });
    while (this.held.size > HELD) this.held.delete(this.held.keys().next().value);
  }
  async report(req) {
    const held = this.held.get(req.id);
    if (!held) throw new Error(`job ${req.id} is still registered, or its report is no longer held by the daemon (it keeps the last ${HELD} jobs')`);
    const { dir, model } = held;
    const fresh = (req.alerts ?? []).filter((message) => !held.alerts.has(message));
    if (fresh.length > 0) {
      for (const message of fresh) held.alerts.add(message);
      model.alerts = [...fresh.map((message) => ({ kind: "tamper", message })), ...model.alerts ?? []];
      writeReportFiles(dir, model);
    }
    writeReplacing(join16(dir, SARIF_FILE), sarifText(model.findings ?? [], req.place && placeOf(req.place)));
    const events = await compressIfLarge(join16(dir, "events.ndjson"));
    const names = [events.slice(dir.length + 1), "report.json", "summary.md", "report.html", SARIF_FILE, FINDINGS_FILE];
    if (model.egress) names.push(ALLOWED_ENDPOINTS_FILE);
    return { id: req.id, dir, model, files: names.filter((name) => daemonFile(join16(dir, name))) };
  }
};

// src/daemon/sudo.ts
import { execFileSync as execFileSync2 } from "node:child_process";
import { createHash as createHash4, randomBytes as randomBytes3, timingSafeEqual } from "node:crypto";
import { closeSync as closeSync6, constants as constants4, existsSync as existsSync9, lstatSync as lstatSync4, openSync as openSync4, readFileSync as readFileSync14, renameSync as renameSync4, rmSync as rmSync8, writeSync as writeSync3 } from "node:fs";
import { join as join17 } from "node:path";
var SUDOERS_DIR = "/etc/sudoers.d";
var MARK = "# cicd-sensor disable-sudo";
var USER_NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,31}$/;
var hash = (token) => createHash4("sha256").update(token).digest();
var SudoError = class extends Error {
};
function userName(uid, passwd = "/etc/passwd") {
  for (const line2 of readFileSync14(passwd, "utf8").split("\n")) {
    const [name, , id2] = line2.split(":");
    if (name && Number(id2) === uid && id2 !== "") return name;
  }
  return void 0;
}
var visudo = (args) => {
  execFileSync2("visudo", ["-c", "-q", ...args], { stdio: ["ignore", "pipe", "pipe"] });
};
var SudoSwitch = class {
  constructor(stateDir, dir = SUDOERS_DIR) {
    this.stateDir = stateDir;
    this.dir = dir;
  }
  stateDir;
  dir;
  records = /* @__PURE__ */ new Map();
  get recordPath() {
    return join17(this.stateDir, "sudo.json");
  }
  save() {
    writeReplacing(this.recordPath, JSON.stringify([...this.records.values()]) + "\n", 384);
  }
  /** Gives back the sudo a previous daemon on this state directory removed and never restored (it was killed). */
  repair() {
    if (!existsSync9(this.recordPath)) return [];
    const left = JSON.parse(readFileSync14(this.recordPath, "utf8"));
    for (const r of left) removeOurs(r.file);
    rmSync8(this.recordPath, { force: true });
    return left.map((r) => r.user);
  }
  /** Removes user's sudo until the job ends: the drop-in's path, and the token that gives it back early. */
  disable(job, user) {
    if (!USER_NAME.test(user)) throw new SudoError(`cannot remove the sudo of "${user}": not a plain user name`);
    if (this.records.has(job)) throw new SudoError(`sudo is already removed for job ${job}`);
    const file = join17(this.dir, `zz-cicd-sensor-${job.replace(/[^A-Za-z0-9_-]/g, "_")}`);
    const staged = join17(this.dir, `.cicd-sensor-${process.pid}.tmp`);
    writeNew(staged, `${MARK} for job ${job}: ${user} may not use sudo until the job ends
${user} ALL=(ALL:ALL) !ALL
`);
    const token = randomBytes3(24).toString("base64url");
    try {
      visudo(["-f", staged]);
      this.records.set(job, { job, user, file, tokenHash: hash(token).toString("hex") });
      this.save();
      renameSync4(staged, file);
      visudo([]);
    } catch (err) {
      rmSync8(staged, { force: true });
      this.restore(job);
      throw new SudoError(`cannot remove the sudo of ${user}: ${err.stderr?.toString().trim() || err.message}`);
    }
    return { file, token };
  }
  /** Whether token is the one the job's disable answered with. */
  tokenMatches(job, token) {
    const r = this.records.get(job);
    return r !== void 0 && token !== void 0 && timingSafeEqual(hash(token), Buffer.from(r.tokenHash, "hex"));
  }
  /** Gives the job's user its sudo back; false when this daemon removed none for the job. */
  restore(job) {
    const r = this.records.get(job);
    if (!r) return false;
    removeOurs(r.file);
    this.records.delete(job);
    if (this.records.size > 0) this.save();
    else rmSync8(this.recordPath, { force: true });
    return true;
  }
  jobs() {
    return [...this.records.keys()];
  }
};
function writeNew(path, text3) {
  rmSync8(path, { force: true });
  const fd = openSync4(path, constants4.O_WRONLY | constants4.O_CREAT | constants4.O_EXCL | constants4.O_NOFOLLOW, 288);
  try {
    writeSync3(fd, text3);
  } finally {
    closeSync6(fd);
  }
}
function removeOurs(file) {
  try {
    const st = lstatSync4(file);
    if (!st.isFile() || st.uid !== 0 || !readFileSync14(file, "utf8").startsWith(MARK)) return;
  } catch {
    return;
  }
  rmSync8(file, { force: true });
}
function answerSudo(sw, req, peerUid, registered) {
  if (!req.disable) {
    if (peerUid !== 0 && !sw.tokenMatches(req.id, req.token)) throw new SudoError(`giving back the sudo removed for job ${req.id} takes the token its disable answered with`);
    return { ok: true, restored: sw.restore(req.id) };
  }
  if (!registered) throw new SudoError(`no job ${req.id} is registered`);
  const user = peerUid === 0 ? req.user : userName(peerUid);
  if (user === void 0) throw new SudoError(peerUid === 0 ? "root must name the user whose sudo is removed" : `uid ${peerUid} has no name in /etc/passwd`);
  return { ok: true, ...sw.disable(req.id, user) };
}

// src/daemon/daemon.ts
var JOB_MAX_AGE_MS = 24 * 3600 * 1e3;
var TICK_MS = 1e3;
var DaemonStartError = class extends Error {
};
function isolateSelf(cgroupRoot) {
  removeDeadDaemonCgroups(join18(cgroupRoot, "cicd-sensor"));
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
    this.recorder = new Recorder(sensor, plan, cgroupRoot);
    this.jobs = new JobManager(opts.stateDir, this.recorder, socketOwner(), this.reports);
    this.access = new AccessControl(opts.log, (id2, message) => this.recorder.get(id2)?.note(message));
    this.sudo = new SudoSwitch(opts.stateDir);
  }
  opts;
  recorder;
  jobs;
  access;
  reports = new FinishedReports();
  slots = new ControlSlots();
  /** disable-sudo: the users whose sudo the daemon removed, by job. */
  sudo;
  startedAt = (/* @__PURE__ */ new Date()).toISOString();
  server;
  ticker;
  stopRequested;
  stopped = new Promise((resolve3) => this.stopRequested = resolve3);
  get tracker() {
    return this.recorder.tracker;
  }
  get docker() {
    return this.recorder.docker;
  }
  async start() {
    const given = this.sudo.repair();
    if (given.length) this.opts.log.warn(`gave back the sudo a killed daemon had removed: ${given.join(", ")}`);
    const docker = { socketDir: this.opts.stateDir, upstream: this.opts.dockerUpstream, interpose: this.opts.interposeDocker, log: this.opts.log };
    await this.recorder.start(this.opts.dockerProxy ? docker : void 0);
    this.server = await listenControl({
      path: controlSocketPath(this.opts.stateDir),
      handler: (req, peer) => this.access.guard(req, peer, (r, p) => this.handle(r, p)),
      owner: socketOwner(),
      slots: this.slots,
      onError: (err) => this.opts.log.error(`control socket: ${err.message}`)
    });
    this.ticker = setInterval(() => this.tick(), TICK_MS);
  }
  tick() {
    this.tracker.reconcile();
    for (const id2 of this.tracker.staleJobs(JOB_MAX_AGE_MS)) {
      this.opts.log.warn(`job ${id2} was never unregistered; closing it after 24 h`);
      this.endJob(id2, "expired after 24 h");
    }
  }
  /** Closes a job; the sudo removed for it comes back whatever ended it. */
  endJob(id2, reason) {
    try {
      if (this.sudo.restore(id2)) this.opts.log.info(`job ${id2}: sudo given back`);
    } catch (err) {
      this.opts.log.error(`job ${id2}: giving sudo back failed: ${err.message}`);
    }
    return this.jobs.unregister(id2, reason);
  }
  async handle(req, peer) {
    switch (req.op) {
      case "register": {
        const result2 = this.jobs.register(req.job, { pid: req.pid, cgroup: req.cgroup, worker: req.worker }, {
          notes: req.notes,
          protect: req.protect === true,
          rules: req.rules,
          egress: req.egress && policyOf(req.egress),
          summaryRows: req.summaryRows
        });
        this.opts.log.info(`registered job ${req.job.id} on ${result2.cgroup}`);
        if (peer) this.slots.noteWorker(peer.uid, result2.workerPid);
        const docker = this.docker ? { dockerHost: `unix://${this.docker.proxyPath}` } : {};
        return { ok: true, ...result2, ...docker };
      }
      case "unregister": {
        await this.recorder.pump.settle();
        const result2 = this.endJob(req.id);
        this.opts.log.info(`unregistered job ${req.id} (${result2.delivered} events)`);
        return { ok: true, ...result2 };
      }
      case "rules": {
        const findings = this.jobs.setRules(req.id, req.rules);
        this.opts.log.info(`job ${req.id}: ${req.rules.sources.length} rule file(s) loaded, ${findings} finding(s) so far`);
        return { ok: true, findings };
      }
      case "report":
        return { ok: true, ...await this.reports.report(req) };
      case "sudo": {
        const reply2 = answerSudo(this.sudo, req, peer?.uid ?? -1, this.jobs.ids().includes(req.id));
        this.opts.log.info(`job ${req.id}: sudo ${req.disable ? `removed (${reply2.file})` : reply2.restored ? "given back" : "was not removed"}`);
        this.recorder.get(req.id)?.note(req.disable ? "disable-sudo: the runner user's sudo was removed for the rest of the job." : "disable-sudo: the runner user's sudo was given back.");
        return reply2;
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
      rings: status.rings ?? [],
      undecodable: status.undecodable,
      unattributed: this.tracker.counts.unattributed,
      ownerless: this.tracker.counts.ownerless,
      linksAlive: this.recorder.sensor.linksAlive(),
      links: this.recorder.sensor.links(),
      processes: this.tracker.processCount(),
      mirror: this.tracker.mirrorSizes(),
      maps: this.recorder.sensor.mapIds(),
      jobs: this.jobs.ids().map((id2) => ({ id: id2, delivered: this.tracker.delivered(id2), lostOnWrite: this.recorder.get(id2)?.lostOnWrite ?? 0 })),
      internalErrors: internalErrors(),
      connections: this.slots.inUse(),
      memory: memoryUsage(),
      docker: this.docker ? { proxy: this.docker.proxyPath, upstream: this.docker.upstream, interposed: this.docker.interposition?.defaultPath ?? null } : null
    };
  }
  requestStop() {
    this.stopRequested();
  }
  /** Drains the kernel and closes every job with its report; the caller detaches (runDaemon). */
  async shutdown(reason) {
    if (this.ticker) clearInterval(this.ticker);
    this.server?.close();
    await this.recorder.stop();
    for (const id2 of this.jobs.ids()) {
      try {
        this.endJob(id2, reason);
      } catch (err) {
        this.opts.log.error(`closing job ${id2}: ${err.message}`);
      }
    }
    rmSync9(controlSocketPath(this.opts.stateDir), { force: true });
  }
};
function removeDeadDaemonCgroups(parent) {
  let entries;
  try {
    entries = readdirSync4(parent);
  } catch {
    return;
  }
  for (const name of entries) {
    const pid = /^daemon-(\d+)$/.exec(name)?.[1];
    if (pid !== void 0 && !isLiveDaemon(Number(pid))) removeIfUnused(join18(parent, name));
  }
}
function leaveOwnCgroup(own) {
  try {
    moveProcess(join18(own, "..", ".."), process.pid);
    rmdirSync4(own);
    removeIfUnused(join18(own, ".."));
  } catch {
  }
}
function requireRootsDirectory(path) {
  const st = lstatSync5(path);
  if (!st.isDirectory() || st.uid !== 0 || (st.mode & 18) !== 0) {
    throw new DaemonStartError(`${path} must be a directory owned by root and writable by root alone`);
  }
}
async function runDaemon(opts) {
  mkdirSync3(join18(opts.stateDir, "jobs"), { recursive: true, mode: 448 });
  requireRootsDirectory(opts.stateDir);
  requireRootsDirectory(join18(opts.stateDir, "jobs"));
  chmodSync3(opts.stateDir, 457);
  chmodSync3(join18(opts.stateDir, "jobs"), 457);
  acquireInstance(opts.stateDir);
  let ownCgroup;
  let detach;
  try {
    const sensorFrom = performance.now();
    const started = await startSensor(opts);
    const sensorMs = performance.now() - sensorFrom;
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
    writeFileSync5(join18(opts.stateDir, "ready"), JSON.stringify({ pid: process.pid, cgroup: ownCgroup }) + "\n");
    opts.log.info(`ready: pid ${process.pid}, cgroup ${ownCgroup}, ${performance.now().toFixed(0)} ms after start (the sensor ${sensorMs.toFixed(0)} ms)`);
    opts.onReady({ pid: process.pid, socket: controlSocketPath(opts.stateDir) });
    await daemon.stopped;
    opts.log.info(`stopping: ${reason}`);
    await daemon.shutdown(reason);
    detach = started.sensor;
    opts.log.info("stopped");
    return 0;
  } finally {
    rmSync9(join18(opts.stateDir, "ready"), { force: true });
    if (ownCgroup) leaveOwnCgroup(ownCgroup);
    detach?.close({ inBackground: true });
    releaseInstance(opts.stateDir);
  }
}

// src/daemon/log.ts
import { appendFileSync, readFileSync as readFileSync15 } from "node:fs";
function fileLogger(path, echo = false) {
  const write = (level, message) => {
    const line2 = `${(/* @__PURE__ */ new Date()).toISOString()} ${level} ${message}
`;
    try {
      appendFileSync(path, line2);
    } catch {
    }
    if (echo) process.stderr.write(line2);
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
  noTlsRequests: false,
  dockerProxy: true,
  interposeDocker: false,
  ...over
});
var DAEMON_SPEC = {
  "--state-dir": "dir",
  "--detach": "flag",
  "--ringbuf-size": "ringbuf",
  "--no-function-hooks": "flag",
  "--no-tls-requests": "flag",
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
    noTlsRequests: values.has("--no-tls-requests"),
    dockerProxy: !values.has("--no-docker-proxy"),
    dockerUpstream: values.get("--docker-upstream"),
    interposeDocker: values.has("--interpose-docker")
  });
}

// src/daemon/main.ts
function tell(line2) {
  try {
    process.stdout.write(`${line2}
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
    tell("error: usage: tracker.js [--state-dir DIR] [--ringbuf-size BYTES] [--no-function-hooks] [--no-tls-requests]");
    return 2;
  }
  return daemonMain(opts);
}
async function daemonMain(opts) {
  const log = fileLogger(join19(opts.stateDir, "daemon.log"), !opts.detach && process.stderr.isTTY);
  surviveInternalErrors(log);
  try {
    return await runDaemon({
      ...opts,
      log,
      onReady: ({ pid, socket }) => {
        tell(`ready pid=${pid} socket=${socket}`);
        const codeDir = dirname8(fileURLToPath3(import.meta.url));
        setImmediate(() => void pruneCodeCopies(codeDir, log).catch((err) => log.warn(`pruning old code copies: ${err.message}`)));
      }
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
