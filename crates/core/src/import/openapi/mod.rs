//! Import stage, OpenAPI: an OpenAPI 3.0 / 3.1 or Swagger 2.0 description (JSON or YAML) read into an
//! [`Api`]: a quick summary for the reference view's sidebar (every operation's method, path, summary and
//! tags), the operation's full documentation on demand ([`Api::operation`]), and requests made from
//! operations ([`Api::request`], [`Api::collection`]) for "Try it" and for import into Collections.
//!
//! The document is kept as read (a JSON tree) and operations are documented when asked for, so a large
//! description (GitHub's REST API: about a thousand operations) lists its operations without expanding every
//! schema. Hostile documents are refused by [`Limits`], each with a sentence.

mod collection;
mod example;
mod operation;
mod order;
mod refs;
mod request;
mod schema;
mod server;
mod style;
mod summary;
mod text;

use super::collection::ImportedCollection;
use super::Imported;
use crate::edit::model::Environment;
pub use order::KeyOrder;
use refs::Doc;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A value as compact JSON, the text `Value::to_string` gives. Written through `serde_json::to_string`
/// rather than `Value`'s `Display`: that one serializes through a `fmt::Formatter` (a second copy of the
/// serializer, its pretty form, and the boxed `io::Error` of its failure path), the reference bundle's
/// every other JSON goes into a `Vec<u8>`. Writing a `Value` into one cannot fail.
pub fn json_text(value: &Value) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// What a document may cost before it is refused: checked while reading, so a refusal is cheap.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The document's text.
    pub max_bytes: usize,
    /// Nesting of the document's values (objects and arrays).
    pub max_depth: usize,
    /// Values in the tree after YAML aliases are expanded ("billion laughs" documents expand a few lines
    /// into billions).
    pub max_nodes: usize,
    /// `$ref`s followed to reach one value (`a` -> `b` -> `c` ...).
    pub max_ref_hops: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 32 * 1024 * 1024,
            max_depth: 256,
            max_nodes: 8_000_000,
            max_ref_hops: 64,
        }
    }
}

/// Why a document could not be read: each a sentence the app shows as is.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum OpenApiError {
    #[error("The document is {bytes} bytes; descriptions up to {limit} bytes are read.")]
    TooLarge { bytes: usize, limit: usize },
    #[error("The document nests deeper than {limit} levels; it is not read.")]
    TooDeep { limit: usize },
    #[error("The document expands to more than {limit} values (YAML aliases repeat what they name); it is not read.")]
    TooManyValues { limit: usize },
    /// Neither JSON nor YAML: the parser's message, with line and column.
    #[error("The document is neither JSON nor YAML: {0}")]
    Syntax(String),
    /// Readable, but not an OpenAPI or Swagger description (no `openapi` or `swagger` field, or an
    /// unsupported version).
    #[error("{0}")]
    NotOpenApi(String),
}

/// A description read: its summary and the document itself, for operations documented on demand.
#[derive(Clone, Debug, PartialEq)]
pub struct Api {
    pub summary: ApiSummary,
    /// The document as read (YAML turned into the same tree), with `$ref`s left in place.
    pub document: Value,
    pub limits: Limits,
    /// The order the document wrote each object's keys in (`document`'s objects are sorted): what "first"
    /// and "in order" mean for paths, media types, examples and properties.
    pub key_order: KeyOrder,
}

/// What the sidebar shows and import needs, built in one pass over `paths`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ApiSummary {
    pub title: String,
    /// `info.version`.
    pub version: String,
    /// `openapi` or `swagger`, as written: "3.1.0", "3.0.3", "2.0".
    pub spec_version: String,
    /// `info.description`, Markdown.
    pub description: String,
    pub servers: Vec<Server>,
    /// Tags in the document's order (`tags`), then those only operations name, in order of appearance.
    pub tags: Vec<Tag>,
    pub operations: Vec<OperationSummary>,
    pub security_schemes: Vec<SecurityScheme>,
    /// What was left out or looks wrong, each a sentence with where (`paths./pets.get`).
    pub warnings: Vec<String>,
}

/// A server the API is reached at: `url` may hold `{variables}`; a relative URL is relative to the
/// document's own address (OpenAPI 3), which [`Server::resolve`] applies.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Server {
    pub url: String,
    pub description: String,
    pub variables: Vec<ServerVariable>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ServerVariable {
    pub name: String,
    pub default: String,
    /// The values it may take (`enum`); empty when any.
    pub values: Vec<String>,
    pub description: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Tag {
    pub name: String,
    /// Markdown.
    pub description: String,
}

/// One operation, as the sidebar lists it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OperationSummary {
    /// Unique within the document: the `operationId`, or `METHOD /path` when it has none (or when two
    /// operations share one). Operation links (`&op=`) and re-sync name operations by it.
    pub key: String,
    /// Upper case: GET, POST, ...
    pub method: String,
    pub path: String,
    pub summary: String,
    /// Its tags; none puts it under "default" in the sidebar and at the collection's top.
    pub tags: Vec<String>,
    pub deprecated: bool,
}

/// A security scheme (`components.securitySchemes`, Swagger's `securityDefinitions`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SecurityScheme {
    pub name: String,
    /// `http` (with `scheme` basic or bearer), `apiKey` (with `location` and `parameter`), `oauth2`,
    /// `openIdConnect`, `mutualTLS`.
    pub kind: String,
    pub scheme: String,
    /// For API keys: header, query or cookie.
    pub location: String,
    /// For API keys: the header, query parameter or cookie name.
    pub parameter: String,
    /// Markdown.
    pub description: String,
    /// What reqlab does with it, when that needs saying: "OAuth 2.0 is set up in the Auth tab by Try it ...".
    pub note: String,
}

/// One operation documented in full, for the reference view (built by [`Api::operation`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OperationDoc {
    pub summary: OperationSummary,
    /// Markdown.
    pub description: String,
    pub parameters: Vec<ParameterDoc>,
    pub body: Option<BodyDoc>,
    pub responses: Vec<ResponseDoc>,
    /// The names of the schemes its first security requirement asks for (the document's default when it
    /// sets none); empty for none.
    pub security: Vec<String>,
    pub warnings: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ParameterDoc {
    pub name: String,
    /// path, query, header or cookie.
    pub location: String,
    pub required: bool,
    pub deprecated: bool,
    /// Markdown.
    pub description: String,
    /// `style` and `explode` as they apply (defaults filled in).
    pub style: String,
    pub explode: bool,
    pub schema: SchemaDoc,
    /// The value "Try it" fills in: `example`, the first of `examples`, the schema's example, default or
    /// first enum value; none when the document gives none.
    pub example: Option<Value>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BodyDoc {
    pub required: bool,
    /// Markdown.
    pub description: String,
    pub contents: Vec<MediaDoc>,
}

/// One media type of a body: its schema and an example (the document's, or one made from the schema).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MediaDoc {
    pub media_type: String,
    pub schema: SchemaDoc,
    pub example: Option<Value>,
    /// Whether `example` was made from the schema rather than given by the document.
    pub generated: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ResponseDoc {
    /// "200", "4XX", "default".
    pub status: String,
    /// Markdown.
    pub description: String,
    pub headers: Vec<ParameterDoc>,
    pub contents: Vec<MediaDoc>,
}

/// A schema as the reference view shows it: a tree cut where it repeats (a cycle) or grows too deep.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SchemaDoc {
    /// "string", "integer", "array", "object", "string | null", "any", ...
    pub kind: String,
    pub format: String,
    /// The component it is (`Pet` for `#/components/schemas/Pet`), when it is a named one.
    pub name: String,
    pub title: String,
    /// Markdown.
    pub description: String,
    pub values: Vec<Value>,
    pub default: Option<Value>,
    pub example: Option<Value>,
    pub nullable: bool,
    pub deprecated: bool,
    pub read_only: bool,
    pub write_only: bool,
    /// Constraints as a person reads them: "1 to 64 characters", "at least 0", "pattern ^[a-z]+$".
    pub constraints: Vec<String>,
    pub properties: Vec<PropertyDoc>,
    /// `additionalProperties` when it is a schema.
    pub additional: Option<Box<SchemaDoc>>,
    /// An array's items.
    pub items: Option<Box<SchemaDoc>>,
    /// `oneOf` / `anyOf` choices (`allOf` is merged into this schema): "one of" or "any of", and each.
    pub choice: String,
    pub choices: Vec<SchemaDoc>,
    /// Cut here: the schema named `name` contains itself (or nests too deep); its tree is shown above.
    pub cut: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PropertyDoc {
    pub name: String,
    pub required: bool,
    pub schema: SchemaDoc,
}

/// Which server a request is made for: an index into `servers` and values for its variables (defaults for
/// those not given). `base` is the document's own address, which relative server URLs resolve against.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ServerChoice {
    pub index: usize,
    pub variables: Vec<(String, String)>,
    pub base: String,
}

/// Reads a description with the default [`Limits`].
pub fn read(text: &str) -> Result<Api, OpenApiError> {
    read_with(text, Limits::default())
}

/// Reads a description: JSON or YAML, OpenAPI 3.0 / 3.1 or Swagger 2.0.
pub fn read_with(text: &str, limits: Limits) -> Result<Api, OpenApiError> {
    let (document, key_order) = text::parse_ordered(text, &limits)?;
    let (version, spec_version) = summary::version(&document)?;
    let summary = summary::summarize(
        Doc {
            root: &document,
            version,
            limits: &limits,
            order: &key_order,
        },
        spec_version,
    );
    Ok(Api {
        summary,
        document,
        limits,
        key_order,
    })
}

pub use super::sniff::looks_like_openapi;

impl Api {
    fn doc(&self) -> Doc<'_> {
        let version = summary::version(&self.document)
            .map(|(v, _)| v)
            .unwrap_or(refs::Version::OpenApi30);
        Doc {
            root: &self.document,
            version,
            limits: &self.limits,
            order: &self.key_order,
        }
    }

    /// The operation `key` as the summary lists it.
    pub fn find(&self, key: &str) -> Option<&OperationSummary> {
        self.summary.operations.iter().find(|op| op.key == key)
    }

    /// The path item (references followed) and operation object of a listed operation.
    fn locate(&self, summary: &OperationSummary) -> Option<(&Value, &Value)> {
        let doc = self.doc();
        let item = self.document.get("paths")?.get(&summary.path)?;
        let item = doc.resolve(item).value;
        let op = item.get(summary.method.to_ascii_lowercase())?;
        Some((item, op))
    }

    fn document_operation(&self, key: &str, detail: operation::Detail) -> Option<OperationDoc> {
        let summary = self.find(key)?;
        let (item, op) = self.locate(summary)?;
        Some(operation::document(
            self.doc(),
            summary,
            item,
            op,
            detail,
            &mut KeyOrder::default(),
        ))
    }

    /// `value` (an example from [`Api::operation`]) as pretty JSON, objects' keys in the order the
    /// document wrote them (`serde_json`'s own printing sorts them).
    pub fn example_text(&self, value: &Value) -> String {
        order::pretty(value, &[&self.key_order])
    }

    /// The operation `key` documented in full.
    pub fn operation(&self, key: &str) -> Option<OperationDoc> {
        self.document_operation(key, operation::Detail::Full)
    }

    /// The request "Try it" opens for the operation `key`: URL `{{baseUrl}}/path/{param}` with the path
    /// parameters as path variables, query parameters as query rows, header and cookie parameters as headers,
    /// the body from the first media type's example, auth from its security requirement (empty values).
    /// The request does not depend on the server: the URL starts with `{{baseUrl}}`, which
    /// [`Api::environment`] gives for the chosen server.
    pub fn request(&self, key: &str, _server: &ServerChoice) -> Option<Imported> {
        let summary = self.find(key)?;
        let (item, op) = self.locate(summary)?;
        let mut made = KeyOrder::default();
        let doc = operation::document(
            self.doc(),
            summary,
            item,
            op,
            operation::Detail::Request,
            &mut made,
        );
        Some(request::build(self.doc(), &self.summary, &doc, &made))
    }

    /// Every operation as a collection: a folder per tag (operations without tags at the top), each request
    /// named by its summary (or key), with its [`super::Origin`] so a later import re-syncs it.
    pub fn collection(&self, server: &ServerChoice) -> ImportedCollection {
        collection::build(self, server)
    }

    /// The environment the requests resolve against: `baseUrl` (the chosen server's URL, variables
    /// substituted) and each of the server's variables.
    pub fn environment(&self, server: &ServerChoice) -> Environment {
        collection::environment(self, server)
    }
}
