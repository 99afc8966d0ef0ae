/* reqlab embeds for documentation pages: one script tag, then
 *   <reqlab-api spec="openapi.yaml" [operation="opId"] [height="720"] [theme="light|dark"] [app="URL"]>
 *   <reqlab-request src="<share or operation link>" [label="GET /users"] [height="420"] [theme="light|dark"]>
 * each render an iframe of the reqlab app. The app's address is this script's folder's parent (the script is
 * served at <app>/public/embed.js), or data-app on the script tag, or an element's app attribute.
 * The iframes follow the page's light or dark scheme (Docusaurus, MkDocs Material, mdBook, or the system's),
 * and take the height the app asks for. No dependencies, no build step: see docs/embedding.md. */
(function () {
  "use strict";
  if (typeof customElements === "undefined" || customElements.get("reqlab-api")) return;

  // The script tag this runs from (a bundler or a module loader leaves currentScript empty: then find it).
  var script = document.currentScript || document.querySelector('script[src*="embed.js"]');
  var defaultApp = appAddress(
    script && (script.getAttribute("data-app") || (script.src && new URL("../", script.src).href))
  );
  var frames = new Set(); // connected elements
  var lastTheme = null;

  /** An app address as an absolute URL without fragment, ending in "/" when it names a folder. */
  function appAddress(given) {
    var url = new URL(given || "./", document.baseURI);
    url.hash = "";
    if (!/\/$|\.[a-z0-9]+$/i.test(url.pathname)) url.pathname += "/";
    return url.href;
  }

  /** The documentation page's scheme: an explicit theme on the page's root, else the system's. */
  function pageTheme() {
    var html = document.documentElement, body = document.body;
    var docusaurus = html.getAttribute("data-theme");
    if (docusaurus === "dark" || docusaurus === "light") return docusaurus;
    var material = (body && body.getAttribute("data-md-color-scheme")) || html.getAttribute("data-md-color-scheme");
    if (material) return material === "slate" ? "dark" : "light";
    var has = function (names) { return names.some(function (n) { return html.classList.contains(n); }); };
    if (has(["coal", "navy", "ayu", "dark"])) return "dark";
    if (has(["light", "rust"])) return "light";
    return matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }

  /** A fragment's `name=value` parts, left as written (a share link's packed parts must not be re-encoded). */
  function parts(hash) {
    return hash.replace(/^#/, "").split("&").filter(Boolean);
  }

  /** The raw value of `name` in a fragment, or null. */
  function part(hash, name) {
    var found = parts(hash).filter(function (p) { return p.split("=")[0] === name; })[0];
    return found === undefined ? null : found.slice(name.length + 1);
  }

  /** The fragment with `name=value` set: replaced where present (unless `keep`), else added at the end. */
  function withPart(hash, name, value, keep) {
    var list = parts(hash), found = false;
    list = list.map(function (p) {
      if (p.split("=")[0] !== name) return p;
      found = true;
      return keep ? p : name + "=" + value;
    });
    if (!found) list.push(name + "=" + value);
    return list.join("&");
  }

  /** A value for the fragment, percent-encoded (the app decodes it), with `:` `/` `@` kept readable. */
  function encodePart(value) {
    return encodeURIComponent(value).replace(/%3A/gi, ":").replace(/%2F/gi, "/").replace(/%40/g, "@");
  }

  // Displayed as blocks unless the page says otherwise (`:where` keeps this rule weaker than any of the page's).
  var style = document.createElement("style");
  style.textContent = ":where(reqlab-api, reqlab-request) { display: block; margin: 1em 0; }";
  document.head.appendChild(style);

  class Embed extends HTMLElement {
    static get observedAttributes() {
      return ["spec", "src", "operation", "height", "theme", "app", "label"];
    }
    connectedCallback() {
      frames.add(this);
      this.render(false);
    }
    disconnectedCallback() {
      frames.delete(this);
    }
    attributeChangedCallback() {
      if (this.frame) this.render(false);
    }
    /** The theme attribute when it names one (it wins), else null: the page's is followed. */
    fixedTheme() {
      var theme = this.getAttribute("theme");
      return theme === "light" || theme === "dark" ? theme : null;
    }
    theme() {
      return this.fixedTheme() || pageTheme();
    }
    /** Builds the iframe, or replaces it when `reload` or its address changed. */
    render(reload) {
      var target = this.target();
      if (!target) return;
      this.origin = new URL(target.src).origin;
      var frame = this.frame;
      if (!frame || reload || frame.getAttribute("src") !== target.src) {
        frame = document.createElement("iframe");
        frame.setAttribute("src", target.src);
        frame.setAttribute("title", target.title);
        frame.setAttribute("loading", "lazy");
        frame.setAttribute("allow", "clipboard-write");
        frame.setAttribute("width", "100%");
        frame.style.cssText =
          "display:block;width:100%;border:1px solid rgba(127,127,127,.35);border-radius:6px;background:transparent";
        if (this.frame) this.replaceChild(frame, this.frame);
        else this.appendChild(frame);
        this.frame = frame;
      }
      var height = parseInt(this.getAttribute("height"), 10);
      frame.setAttribute("height", String(clamp(height > 0 ? height : this.defaultHeight)));
    }
    /** Tells the app the page's theme changed (the app listens for `{reqlab: "theme"}`). */
    postTheme(theme) {
      var window = this.frame && this.frame.contentWindow;
      if (window) window.postMessage({ reqlab: "theme", theme: theme }, this.origin === "null" ? "*" : this.origin);
    }
    followTheme(theme) {
      this.postTheme(theme);
    }
  }

  /** `<reqlab-api>`: the API reference of an OpenAPI description, with Try it. */
  class ApiEmbed extends Embed {
    get defaultHeight() {
      return 720;
    }
    target() {
      var spec = this.getAttribute("spec");
      if (!spec) return null;
      var hash = "spec=" + encodePart(new URL(spec, document.baseURI).href) + "&embed=1&theme=" + this.theme();
      var operation = this.getAttribute("operation");
      if (operation) hash += "&op=" + encodePart(operation);
      var app = this.hasAttribute("app") ? appAddress(this.getAttribute("app")) : defaultApp;
      return { src: app + "#" + hash, title: "API reference: " + spec };
    }
  }

  /** `<reqlab-request>`: one request (a share link or an operation link), embedded. */
  class RequestEmbed extends Embed {
    get defaultHeight() {
      return 420;
    }
    /** A link that names its own theme keeps it, like a theme attribute. */
    fixedTheme() {
      var src = this.getAttribute("src");
      var linked = src ? part(new URL(src, document.baseURI).hash, "theme") : null;
      return Embed.prototype.fixedTheme.call(this) || (linked === "light" || linked === "dark" ? linked : null);
    }
    target() {
      var src = this.getAttribute("src");
      if (!src) return null;
      var url = new URL(src, document.baseURI);
      url.hash = withPart(withPart(url.hash, "embed", "1", true), "theme", this.theme());
      // An operation link shows that one request, ready to send, without the reference around it.
      if (part(url.hash, "spec") !== null) url.hash = withPart(url.hash, "request", "1", true);
      return { src: url.href, title: this.getAttribute("label") || "reqlab request" };
    }
    /** The theme is in the link too: the iframe reloads with it, unless the app said it listens. */
    followTheme(theme) {
      this.postTheme(theme);
      if (!this.listens) this.render(true);
    }
  }

  function clamp(height) {
    return Math.min(4000, Math.max(200, Math.round(height)));
  }

  function themeChanged() {
    var theme = pageTheme();
    if (theme === lastTheme) return;
    lastTheme = theme;
    frames.forEach(function (element) {
      if (!element.fixedTheme() && element.frame) element.followTheme(theme);
    });
  }

  // Messages from an embedded app: `{reqlab: "height", height}` sizes its iframe; `{reqlab: "ready"}` says it
  // listens for theme messages, and gets the current theme (it may have changed while the iframe loaded).
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || typeof data !== "object" || typeof data.reqlab !== "string") return;
    frames.forEach(function (element) {
      if (!element.frame || element.frame.contentWindow !== event.source || event.origin !== element.origin) return;
      element.listens = true;
      if (data.reqlab === "height" && isFinite(data.height) && data.height > 0) {
        element.frame.setAttribute("height", String(clamp(data.height)));
      } else if (data.reqlab === "ready") {
        element.postTheme(element.theme());
      }
    });
  });

  lastTheme = pageTheme();
  var observer = new MutationObserver(themeChanged);
  var watched = { attributes: true, attributeFilter: ["class", "data-theme", "data-md-color-scheme"] };
  observer.observe(document.documentElement, watched);
  var watchBody = function () {
    if (document.body) observer.observe(document.body, watched);
    themeChanged();
  };
  if (document.body) watchBody();
  else document.addEventListener("DOMContentLoaded", watchBody);
  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", themeChanged);

  customElements.define("reqlab-api", ApiEmbed);
  customElements.define("reqlab-request", RequestEmbed);
})();
