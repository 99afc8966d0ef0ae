//! Completion at a cursor.
