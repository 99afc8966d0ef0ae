//! Entry point of the GraphQL bundle (the query editor, the schema explorer, validation and completion),
//! built by trunk as a wasm module of its own and imported by index.html on first use.

fn main() {
    reqlab_web::graphql::start();
}
