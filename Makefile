# kehu — the two commands of the README, and the developer's helpers.
BUILD ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc)
DB ?= kehu-demo.db
LISTEN ?= 127.0.0.1:8080
KEHU := $(BUILD)/server/kehu

.PHONY: run test deps build configure server web web-test e2e unit http clean format bench bench-quick bench-tiny

run: deps configure web
	cmake --build $(BUILD) -j$(JOBS) --target kehu
	$(KEHU) serve --demo --db $(DB) --listen $(LISTEN) --web web/dist

test: deps build
	cd $(BUILD) && ctest --output-on-failure -j2
	$(MAKE) web-test e2e

deps:
	./scripts/deps.sh

build: server web

configure:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DKEHU_WERROR=ON >/dev/null

server: configure
	cmake --build $(BUILD) -j$(JOBS)

web:
	@if [ -f web/package.json ]; then cd web && npm run build --silent; fi

web-test:
	@if [ -f web/package.json ]; then cd web && npm test --silent; fi

e2e:
	@if [ -f web/e2e/run.mjs ]; then KEHU_BIN=$(abspath $(KEHU)) node web/e2e/run.mjs; fi

# Benchmarks (bench/README.md): a Release build in build-release/, the data set in bench/data/,
# results in bench/results/ (tiny: a temp dir). BENCH_ARGS passes options to bench/bench.py,
# e.g. make bench BENCH_ARGS="--only get_customer,list --duration 5".
SCALE ?= W1M
BENCH_BUILD ?= build-release
BENCH_ARGS ?=

bench: deps
	cmake -S . -B $(BENCH_BUILD) -DCMAKE_BUILD_TYPE=Release >/dev/null
	cmake --build $(BENCH_BUILD) -j$(JOBS) --target kehu
	python3 bench/bench.py --scale $(SCALE) --kehu $(BENCH_BUILD)/server/kehu $(BENCH_ARGS)

bench-quick:
	$(MAKE) bench SCALE=W100K

bench-tiny:
	$(MAKE) bench SCALE=tiny

format:
	find server -name '*.cpp' -o -name '*.hpp' | xargs clang-format -i

clean:
	rm -rf $(BUILD) web/dist
