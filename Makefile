# kehu — the two commands of the README, and the developer's helpers.
BUILD ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc)
DB ?= kehu-demo.db
LISTEN ?= 127.0.0.1:8080
KEHU := $(BUILD)/server/kehu

.PHONY: run test deps build configure server web web-test e2e unit http clean format bench

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

format:
	find server -name '*.cpp' -o -name '*.hpp' | xargs clang-format -i

clean:
	rm -rf $(BUILD) web/dist
