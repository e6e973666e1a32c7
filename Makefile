# The project's commands (see README.md and CONTRIBUTING.md). Each installs whatever is missing
# first. `make` alone lists them.
.PHONY: help serve test build shell setup bench eval
help:   ## list the commands
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z]+):.*## /  make \1\t/' | expand -t 14
serve:  ## build the release app and serve it on http://127.0.0.1:8080
	bash scripts/huixi.sh serve
test:   ## format and lint checks, native tests, wasm tests in headless Chromium, end-to-end tests; summary at the end
	bash scripts/huixi.sh test
build:  ## build the three wasm modules into www/pkg
	bash scripts/huixi.sh build
shell:  ## write the app's first view into www/index.html and www/boot.js (`make build` does it too)
	bash scripts/huixi.sh shell
setup:  ## install the toolchain pieces the build needs (apt packages, wasm-bindgen, npm packages)
	bash scripts/huixi.sh setup
bench:  ## browser benchmark, huixi vs jieba-wasm (see BENCHMARKS.md); timings only, never pass/fail
	bash scripts/huixi.sh bench
eval:   ## accuracy on ../shared/eval (dev set and seeds) when it is beside the checkout; a one-line skip otherwise
	bash scripts/huixi.sh eval
