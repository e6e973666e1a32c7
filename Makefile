# The two commands (see README.md). Both install whatever is missing first.
.PHONY: serve test build setup bench eval
serve:  ## build the release app and serve it on http://127.0.0.1:8080
	bash scripts/huixi.sh serve
test:   ## native tests, wasm tests in headless Chromium, end-to-end tests; summary at the end
	bash scripts/huixi.sh test
build:
	bash scripts/huixi.sh build
setup:
	bash scripts/huixi.sh setup
bench:  ## browser benchmark, huixi vs jieba-wasm (see BENCHMARKS.md); timings only, never pass/fail
	bash scripts/huixi.sh bench
eval:   ## accuracy on ../shared/eval (dev set and seeds) when it is beside the checkout; a one-line skip otherwise
	bash scripts/huixi.sh eval
