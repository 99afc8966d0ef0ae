//! The teaching schema behind `/graphql`: a few small fields that each show one GraphQL feature (arguments
//! with defaults, variables, enums, input objects, deprecation, a mutation, subscriptions, connection data),
//! every type, field and argument described so a schema explorer has something to show.

use super::request_info::{ConnectionInit, Header, RequestInfo};
use async_graphql::{Context, Enum, Error, InputObject, Object, Result, Schema, Subscription};
use futures_util::stream::{self, Stream, StreamExt};
use std::time::Duration;

/// The schema served at `/graphql`.
pub type EchoSchema = Schema<Query, Mutation, Subscription>;

/// Deepest selection accepted: the standard introspection query (about 13 levels) fits, hostile nesting not.
const MAX_DEPTH: usize = 16;
/// Most work one document may ask for: every field costs 1, `echo` one more per started KiB it returns.
const MAX_COMPLEXITY: usize = 1000;
/// Bytes of answer one `echo` may make.
const ECHO_MAX_BYTES: usize = 64 * 1024;
const TIMES: std::ops::RangeInclusive<i32> = 1..=100;
const COUNTDOWN_FROM: std::ops::RangeInclusive<i32> = 0..=100;
const COUNTDOWN_INTERVAL_MS: std::ops::RangeInclusive<i32> = 10..=5000;

pub fn build() -> EchoSchema {
    Schema::build(Query, Mutation, Subscription)
        .limit_depth(MAX_DEPTH)
        .limit_complexity(MAX_COMPLEXITY)
        .finish()
}

/// `echo`'s cost: its bytes of answer, by the KiB, so many aliases of a large echo are refused up front.
fn echo_cost(message: &str, times: i32) -> usize {
    1 + message.len() * times.clamp(0, *TIMES.end()) as usize / 1024
}

fn out_of_range(name: &str, value: i32, range: &std::ops::RangeInclusive<i32>) -> Error {
    Error::new(format!(
        "{name} must be from {} to {}; it was {value}.",
        range.start(),
        range.end()
    ))
}

pub struct Query;

/// Reads: echoes of the arguments and of the HTTP request that carried the query.
#[Object]
impl Query {
    /// The message repeated `times` times, joined with nothing: the simplest field with arguments.
    #[graphql(complexity = "echo_cost(&message, times.unwrap_or(1))")]
    async fn echo(
        &self,
        #[graphql(desc = "The text to send back.")] message: String,
        #[graphql(default = 1, desc = "How many times to repeat it, from 1 to 100.")] times: Option<
            i32,
        >,
    ) -> Result<String> {
        let times = times.unwrap_or(1);
        if !TIMES.contains(&times) {
            return Err(out_of_range("times", times, &TIMES));
        }
        let length = message.len() * times as usize;
        if length > ECHO_MAX_BYTES {
            return Err(Error::new(format!(
                "The answer would be {length} bytes; echo makes at most {ECHO_MAX_BYTES}."
            )));
        }
        Ok(message.repeat(times as usize))
    }

    /// The HTTP request that carried this operation (for a WebSocket, its handshake).
    async fn request<'a>(&self, ctx: &Context<'a>) -> Result<&'a RequestInfo> {
        ctx.data::<RequestInfo>()
    }

    /// A greeting in the language asked for, to someone or to the world.
    async fn greeting(
        &self,
        #[graphql(
            default_with = "Some(Language::En)",
            desc = "The language to greet in."
        )]
        language: Option<Language>,
        #[graphql(desc = "Who to greet; the world when left out.")] name: Option<String>,
    ) -> String {
        let (hello, world) = match language.unwrap_or(Language::En) {
            Language::En => ("Hello", "world"),
            Language::Fr => ("Bonjour", "le monde"),
            Language::De => ("Hallo", "Welt"),
            Language::Es => ("Hola", "mundo"),
        };
        format!("{hello}, {}!", name.as_deref().unwrap_or(world))
    }

    /// The first field this server had: a fixed greeting.
    #[graphql(deprecation = "Use echo.")]
    async fn hello(&self) -> &'static str {
        "Hello, world!"
    }

    /// The sum of two integers: try it with variables (`query($a: Int!, $b: Int!) { add(a: $a, b: $b) }`).
    async fn add(
        &self,
        #[graphql(desc = "The first term.")] a: i32,
        #[graphql(desc = "The second term.")] b: i32,
    ) -> Result<i32> {
        a.checked_add(b)
            .ok_or_else(|| Error::new(format!("{a} + {b} does not fit in a 32-bit Int.")))
    }

    /// A sentence about a person: an input object as an argument.
    async fn describe(
        &self,
        #[graphql(desc = "The person to describe.")] person: PersonInput,
    ) -> String {
        match person.age {
            Some(age) => format!("{} is {age} years old.", person.name),
            None => format!("{} has not said how old they are.", person.name),
        }
    }
}

/// The languages `greeting` speaks.
#[derive(Enum, Copy, Clone, Eq, PartialEq)]
pub enum Language {
    /// English: "Hello".
    En,
    /// French: "Bonjour".
    Fr,
    /// German: "Hallo".
    De,
    /// Spanish: "Hola".
    #[graphql(deprecation = "Spanish greetings move to a regional enum; ES stays until then.")]
    Es,
}

/// Someone to describe: an input object, written inline or passed as a variable.
#[derive(InputObject)]
pub struct PersonInput {
    /// What to call them.
    name: String,
    /// Their age in years, if they want to say.
    age: Option<i32>,
}

pub struct Mutation;

/// Writes: nothing is stored, but the operation type is what GET refuses.
#[Object]
impl Mutation {
    /// The message in capitals.
    async fn shout(&self, #[graphql(desc = "The text to shout.")] message: String) -> String {
        message.to_uppercase()
    }
}

pub struct Subscription;

/// Live results, over a WebSocket (`graphql-transport-ws` or the older `graphql-ws`).
#[Subscription]
impl Subscription {
    /// `from`, `from - 1`, … down to 0, `intervalMs` apart, then the subscription completes.
    async fn countdown(
        &self,
        #[graphql(default = 3, desc = "Where to start, from 0 to 100.")] from: i32,
        #[graphql(default = 100, desc = "Milliseconds between numbers, from 10 to 5000.")]
        interval_ms: i32,
    ) -> Result<impl Stream<Item = i32>> {
        if !COUNTDOWN_FROM.contains(&from) {
            return Err(out_of_range("from", from, &COUNTDOWN_FROM));
        }
        if !COUNTDOWN_INTERVAL_MS.contains(&interval_ms) {
            return Err(out_of_range(
                "intervalMs",
                interval_ms,
                &COUNTDOWN_INTERVAL_MS,
            ));
        }
        let interval = Duration::from_millis(interval_ms as u64);
        let numbers = stream::iter((0..=from).rev());
        // The first number goes at once; each later one waits its interval.
        Ok(numbers.enumerate().then(move |(index, number)| async move {
            if index > 0 {
                tokio::time::sleep(interval).await;
            }
            number
        }))
    }

    /// Once, the string members of the `connection_init` payload (and of a `headers` object in it) as
    /// headers, then completes: how a client checks its credentials travelled, since a browser cannot set
    /// headers on a WebSocket handshake.
    async fn connection_headers<'a>(&self, ctx: &Context<'a>) -> impl Stream<Item = Vec<Header>> {
        let headers = ctx
            .data_opt::<ConnectionInit>()
            .map(ConnectionInit::headers)
            .unwrap_or_default();
        stream::once(async move { headers })
    }
}
