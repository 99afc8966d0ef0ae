//! `.http` files (REST Client and JetBrains HTTP Client syntax): read into a collection, written from one.
