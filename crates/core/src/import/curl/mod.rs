//! Import stage, curl: placeholder until the curl importer lands.
