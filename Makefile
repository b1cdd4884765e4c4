# `make demo` and `make test` work on a fresh machine: they create .venv,
# install the project, and make sure a free Chinese font is there for charts.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: setup fonts sandbox classroom browser demo test test-browser bench wheels clean

setup: $(STAMP) fonts sandbox classroom browser

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[teacher,classroom,test]'
	touch $(STAMP)

# Charts need a CJK font (never SimHei). On Debian/Ubuntu as root we install the
# free Noto CJK fonts; elsewhere `python -m logicrm_edu.fonts` says what to do.
fonts: $(STAMP)
	@$(BIN)/python -m logicrm_edu.fonts >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing fonts-noto-cjk (Chinese font for charts)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk >/dev/null; \
	  fi; \
	  $(BIN)/python -m logicrm_edu.fonts; }

# Students' code is graded in a bubblewrap sandbox. On Debian/Ubuntu as root we
# install it; elsewhere `python -m logicrm_edu.sandbox.probe` says what is missing.
sandbox: $(STAMP)
	@command -v bwrap >/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing bubblewrap (sandbox for grading students' code)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq bubblewrap >/dev/null; \
	  fi; }
	@$(BIN)/python -m logicrm_edu.sandbox.probe

# The classroom (logicrm classroom): JupyterHub's proxy from npm into the venv (never
# global), and setfacl, which keeps course files away from students.
classroom: $(STAMP)
	@command -v npm >/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing nodejs and npm (JupyterHub's proxy)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; \
	  fi; }
	@test -x $(BIN)/configurable-http-proxy || npm install --global --prefix $(VENV) --no-fund --no-audit --loglevel=error configurable-http-proxy@5.3.0
	@command -v setfacl >/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing acl (keeps course files away from students)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq acl >/dev/null; \
	  fi; }

# The classroom's browser tests drive Debian's chromium through Playwright; on
# Debian/Ubuntu as root we install it.
browser: $(STAMP)
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing chromium (the classroom's browser tests)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  fi; }

# The main job on the bundled demo class: a fresh course in demo-course/, end to end.
demo: setup
	rm -rf demo-course
	$(BIN)/logicrm demo demo-course

test: setup
	$(BIN)/python -m pytest -q -n 2 --ignore=tests/classroom/test_browser.py

# The classroom in a real browser (Debian's chromium), one hub for the three tests: not
# split over workers. Needs root (it makes the students' Unix users); .ci/run calls it.
test-browser: setup
	$(BIN)/python -m pytest -q tests/classroom/test_browser.py

bench: setup
	$(BIN)/python benchmarks/tiering.py
	$(BIN)/python benchmarks/notebook.py
	$(BIN)/python benchmarks/autograde.py
	$(BIN)/python benchmarks/cli_start.py

# Two wheels in dist/: the teacher's (course template and grading kit, with the reference
# answers) and the students' (the library only).
wheels: setup
	$(BIN)/python -m pip wheel --quiet --no-deps -w dist/teacher .
	LOGICRM_WHEEL=student $(BIN)/python -m pip wheel --quiet --no-deps -w dist/student .

clean:
	rm -rf demo-course demo-output .pytest_cache build dist
