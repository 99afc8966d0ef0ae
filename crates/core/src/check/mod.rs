//! Assertions on an answer and values captured from it (a request's checks), evaluated after a send.
