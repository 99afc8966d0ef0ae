//! The runner: a folder or collection sent in order, iterations from a data file, results and reports.
