# Sourced by scripts/run and scripts/test: make .venv (Python 3.11) and install the
# project with its test extra, only when pyproject.toml changed since the last install.
venv=".venv"
py="${PYTHON:-python3.11}"
command -v "$py" >/dev/null 2>&1 || py=python3
if [ ! -x "$venv/bin/python" ]; then
    "$py" -m venv "$venv"
fi
stamp="$venv/.quotetrail-installed"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    echo "quotetrail: installing dependencies into $venv ..."
    "$venv/bin/python" -m pip install -q --upgrade pip
    "$venv/bin/python" -m pip install -q -e '.[test]'
    touch "$stamp"
fi
export PATH="$PWD/$venv/bin:$PATH"
