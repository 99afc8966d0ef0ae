# The two README commands, plus benchmarks. Each script installs what it needs first.
.PHONY: run test bench

run:
	scripts/run.sh

test:
	scripts/test.sh

bench:
	scripts/bench.sh
