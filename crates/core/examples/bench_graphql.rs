//! Times the GraphQL editor's calls on GitHub's public schema: reading it from introspection and SDL,
//! writing SDL, search, validation of a 50-line query and completion at 20 cursor positions.

use std::io::Read;
use std::time::Instant;

use reqlab_core::graphql::complete::complete;
use reqlab_core::graphql::document::parse;
use reqlab_core::graphql::schema::Schema;
use reqlab_core::graphql::validate::validate;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/graphql/");

const QUERY: &str =
    "query Dashboard($owner: String!, $name: String!, $n: Int = 10, $states: [IssueState!]) {
  viewer {
    login
    name
    avatarUrl
    repositories(first: $n, orderBy: {field: STARGAZERS, direction: DESC}) {
      totalCount
      nodes {
        ...RepoBits
      }
    }
  }
  repository(owner: $owner, name: $name) {
    ...RepoBits
    issues(first: $n, states: $states) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        number
        title
        createdAt
        author { login ... on User { name company } }
        labels(first: 5) { nodes { name color } }
        comments(last: 3) {
          nodes {
            body
            author { login }
          }
        }
      }
    }
    pullRequests(first: 5, states: [OPEN]) {
      nodes {
        number
        title
        mergeable
        reviews(first: 2) { nodes { state author { login } } }
      }
    }
  }
  rateLimit { limit remaining resetAt }
}
fragment RepoBits on Repository {
  name
  nameWithOwner
  stargazerCount
  forkCount
  primaryLanguage { name color }
  defaultBranchRef { name }
}";

fn ms(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1000.0
}

fn main() {
    let sdl =
        std::fs::read_to_string(format!("{FIXTURES}github.graphql")).expect("the SDL fixture");
    let mut json = String::new();
    let file = std::fs::File::open(format!("{FIXTURES}github.introspection.json.gz"))
        .expect("the introspection fixture");
    gunzip(file, &mut json);

    let start = Instant::now();
    let from_json = Schema::from_introspection(&json).expect("introspection");
    println!(
        "from_introspection(github): {:.1} ms ({} types)",
        ms(start),
        from_json.types().len()
    );
    let start = Instant::now();
    let schema = Schema::from_sdl(&sdl).expect("SDL");
    println!("from_sdl(github): {:.1} ms", ms(start));
    let start = Instant::now();
    let written = schema.to_sdl();
    println!("to_sdl: {:.1} ms ({} bytes)", ms(start), written.len());
    let start = Instant::now();
    let hits = schema.search("issue", 50);
    println!(
        "search(\"issue\"): {:.2} ms ({} hits)",
        ms(start),
        hits.len()
    );
    let start = Instant::now();
    let document = parse(QUERY).expect("the query");
    let problems = validate(&document, &schema);
    println!(
        "parse + validate ({} lines): {:.2} ms ({} problems)",
        QUERY.lines().count(),
        ms(start),
        problems.len()
    );

    let mut times: Vec<f64> = (0..20)
        .map(|i| {
            let cursor = QUERY.len() * (i + 1) / 21;
            let start = Instant::now();
            let _ = complete(QUERY, cursor, &schema);
            ms(start)
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!(
        "complete at 20 positions: median {:.2} ms, max {:.2} ms",
        times[10], times[19]
    );
}

fn gunzip(file: std::fs::File, out: &mut String) {
    let mut compressed = Vec::new();
    std::io::BufReader::new(file)
        .read_to_end(&mut compressed)
        .expect("read");
    let mut decoder = flate2::read::GzDecoder::new(compressed.as_slice());
    decoder.read_to_string(out).expect("gzip");
}
