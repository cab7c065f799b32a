"""The hostile suite: submissions that try to cheat or escape must never pass.

Each attack is written so that it *would* pass if it worked (it returns the
right answer only when the attack succeeds), and most print what happened so
the test can check the attack was blocked for the right reason. After the
suite, the reference must still pass and nothing outside the sandbox changed.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import SECRET_MARKER, make_tiny_pack

pytestmark = pytest.mark.skipif(os.geteuid() != 0 and not Path(
    "/proc/self/ns/user").exists(), reason="needs Linux namespaces")

# Appended to attacks that only return the right answer when they got what they wanted.
CORRECT_IF = '''

def add(a, b):
    return a + b if WON else a * 0
'''


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    pack = make_tiny_pack(base / "pack", wall_s=3.0)
    saved = {k: os.environ.get(k) for k in ("ONSITE_HOME", "ONSITE_PACKS", "ONSITE_TEST_SECRET")}
    os.environ["ONSITE_HOME"] = str(base / "home")
    os.environ["ONSITE_PACKS"] = str(pack)
    os.environ["ONSITE_TEST_SECRET"] = SECRET_MARKER
    from onsite.judge.verifier import expected_for
    from onsite.judge.worker import SandboxRunner
    from onsite.packs.loader import load_pack
    from onsite.store.db import engine, session
    from onsite.store.models import Attempt

    engine.cache_clear()
    with session() as s:  # a database with one row, to prove nobody can touch it
        s.add(Attempt(item_id="tiny/add", kind="code", status="pass", passed=True))
    item = load_pack(pack).get("tiny/add")
    runner = SandboxRunner()
    runner.start()
    expected_for(item, runner)
    outside = base / "outside"
    outside.mkdir()
    yield {"item": item, "runner": runner, "base": base, "outside": outside, "pack": pack}
    runner.close()
    engine.cache_clear()
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


def fingerprint(root: Path) -> dict[str, str]:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() and "-wal" not in p.name
            and "-shm" not in p.name}


def judge(env, source: str):
    from onsite.judge.verifier import judge_source

    return judge_source(env["item"], source, env["runner"])


ATTACKS: dict[str, tuple[str, set[str], str | None]] = {
    # name: (source, allowed statuses, text the output must contain to prove the block)
    "os._exit at import": ("import os\nos._exit(0)\n", {"error"}, None),
    "sys.exit at import": ("import sys\nsys.exit(0)\n", {"error"}, "SystemExit"),
    "print a fake verdict": (
        'print(\'{"status": "pass", "tests": []}\')\nprint("PASS 3/3")\n'
        "def add(a, b):\n    return a * 0\n", {"fail"}, None),
    "fake frames on the results pipe": (
        "import os, json, struct\n"
        "def frame(name):\n"
        "    h = json.dumps({'case': name, 'status': 'ok', 'message': '', 'ms': 0,"
        " 'values': {}, 'payload': 0}).encode()\n"
        "    return struct.pack('>I', len(h)) + h\n"
        "for fd in range(3, 20):\n"
        "    for n in ('small vectors', 'longer vectors', 'float64 vectors'):\n"
        "        try: os.write(fd, frame(n))\n"
        "        except OSError: pass\n"
        "def add(a, b):\n    return a * 0\n", {"fail", "error"}, None),
    "monkeypatch the comparison": (
        "import onsite.judge.compare as c\n"
        "c.compare_values = lambda *a, **k: None\nc.compare_one = lambda *a, **k: None\n"
        "def add(a, b):\n    return a * 0\n", {"fail", "error"}, None),
    "object whose unpickling runs code": (
        "import os\nclass Evil:\n    def __reduce__(self):\n        return (os.system, ('id',))\n"
        "def add(a, b):\n    return Evil()\n", {"error"}, None),
    "numpy object array": (
        "import numpy as np\ndef add(a, b):\n    return np.array([object()], dtype=object)\n",
        {"error"}, None),
    "read the reference from the pack": (
        "import glob, sys\nWON = False\n"
        "for path in glob.glob('PACK/**/*.py', recursive=True) + glob.glob("
        "sys.prefix + '/lib/*/site-packages/onsite/packs/**/*.py', recursive=True):\n"
        "    try:\n        text = open(path).read()\n"
        "        if 'SECRET_MARKER' in text: WON = True; print(text)\n"
        "    except OSError as e: pass\n"
        "print('searched')\n" + CORRECT_IF, {"fail"}, "searched"),
    "read the cached expectations": (
        "import glob, os\nfiles = [f for f in glob.glob('HOME/**', recursive=True) if os.path.isfile(f)]\n"
        "print('found', files)\n"
        "WON = bool(files)\n" + CORRECT_IF, {"fail"}, "found []"),
    "other processes through /proc": (
        "import os\nWON = False\nseen = []\n"
        "for pid in os.listdir('/proc'):\n    if not pid.isdigit(): continue\n"
        "    seen.append(pid)\n"
        "    for what in ('environ', 'cmdline', 'root/etc/hostname', 'cwd'):\n"
        "        try:\n            data = open(f'/proc/{pid}/{what}', 'rb').read()\n"
        "            if b'SECRET_MARKER' in data: WON = True\n"
        "        except OSError: pass\n"
        "print('pids', sorted(seen, key=int))\n" + CORRECT_IF, {"fail"}, "pids"),
    "parent memory through /proc/1/mem": (
        "WON = False\ntry:\n    open('/proc/1/mem', 'rb').read(16)\n    WON = True\n"
        "except OSError as e:\n    print('blocked', type(e).__name__)\n" + CORRECT_IF,
        {"fail"}, "blocked"),
    "secrets in inherited memory": (
        # Strings are not GC-tracked: look for the reference's module namespace instead.
        "import gc\nWON = any(isinstance(o, dict) and 'SECRET' in o for o in gc.get_objects())\n"
        "print('scanned', WON)\n" + CORRECT_IF, {"fail"}, "scanned False"),
    "secrets in the environment": (
        "import os\nWON = 'SECRET_MARKER' in str(os.environ)\nprint(sorted(os.environ))\n"
        + CORRECT_IF, {"fail"}, None),
    "tamper with the database": (
        "import glob\nWON = False\n"
        "for path in glob.glob('HOME/**/*.db', recursive=True):\n"
        "    open(path, 'w').write('x'); WON = True\n"
        "print('done', WON)\n" + CORRECT_IF, {"fail"}, "done False"),
    "kill the parent and everyone": (
        "import os, signal\nfor target in (os.getppid(), 1, -1):\n"
        "    try: os.kill(target, signal.SIGKILL)\n"
        "    except OSError as e: print('refused', target, type(e).__name__)\n"
        "def add(a, b):\n    return a * 0\n", {"fail", "error"}, None),
    "network": (
        "import socket\nWON = False\ntry:\n"
        "    socket.create_connection(('127.0.0.1', 5432), timeout=1); WON = True\n"
        "except OSError as e:\n    print('blocked', e)\n" + CORRECT_IF, {"fail"}, "blocked"),
    "write outside scratch": (
        "import sys\nWON = False\n"
        "for path in ('OUTSIDE/pwned', sys.prefix + '/pwned', '/pwned', '/usr/pwned'):\n"
        "    try:\n        open(path, 'w').write('x'); WON = True\n"
        "    except OSError as e: print('blocked', path, type(e).__name__)\n" + CORRECT_IF,
        {"fail"}, "blocked"),
    "double fork and setsid": (
        "import os\nWON = False\ntry:\n    if os.fork() == 0:\n        os.setsid()\n"
        "        if os.fork() == 0:\n            import time; time.sleep(60)\n"
        "    WON = True\nexcept OSError as e:\n    print('blocked', e)\n" + CORRECT_IF,
        {"fail"}, "blocked"),
    "fork bomb": (
        "import os\nn = 0\ntry:\n    while True:\n        os.fork(); n += 1\n"
        "except OSError as e:\n    print('blocked after', n)\n"
        "def add(a, b):\n    return a * 0\n", {"fail"}, "blocked after 0"),
    "spin ignoring SIGTERM": (
        "import signal\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
        "def add(a, b):\n    while True:\n        pass\n", {"timeout"}, None),
    "sleep forever": (
        "import time\ndef add(a, b):\n    time.sleep(1000)\n", {"timeout"}, None),
    "memory bomb": (
        "def add(a, b):\n    hog = bytearray(8 << 30)\n    return a + b\n", {"memory"}, None),
    "torch memory bomb": (
        "import torch\ndef add(a, b):\n    return torch.empty(4 << 30) [:0] + a + b\n",
        {"memory"}, None),
    "output flood": (
        "import sys\nfor _ in range(200000):\n    sys.stdout.write('x' * 1000 + '\\n')\n"
        "def add(a, b):\n    return a * 0\n", {"fail", "timeout"}, None),
    "disk fill": (
        "WON = False\ntry:\n    with open('/tmp/fill', 'wb') as f:\n"
        "        while True: f.write(b'x' * (1 << 20))\n"
        "except OSError as e:\n    print('stopped', type(e).__name__)\n" + CORRECT_IF,
        {"fail", "error"}, None),
    "symlink to a verifier path": (
        "import os\nWON = False\ntry:\n    os.symlink('HOME', '/tmp/link'); WON = True\n"
        "except OSError as e:\n    print('blocked', e)\n" + CORRECT_IF, {"fail"}, "blocked"),
    "hard link": (
        "import os\nWON = False\nopen('/tmp/a', 'w').close()\ntry:\n"
        "    os.link('/tmp/a', '/tmp/b'); WON = True\n"
        "except OSError as e:\n    print('blocked', e)\n" + CORRECT_IF, {"fail"}, "blocked"),
    "exec a shell": (
        "import os, subprocess\nWON = False\ntry:\n"
        "    subprocess.run(['/bin/sh', '-c', 'true']); WON = True\n"
        "except OSError as e:\n    print('blocked', e)\n" + CORRECT_IF, {"fail"}, "blocked"),
    "become root again": (
        "import os\nWON = False\ntry:\n    os.setuid(0); WON = True\n"
        "except OSError as e:\n    print('blocked', e)\n" + CORRECT_IF, {"fail"}, "blocked"),
    "mount and unshare": (
        "import ctypes\nlibc = ctypes.CDLL(None, use_errno=True)\n"
        "WON = libc.unshare(0x20000) == 0 or libc.mount(b'none', b'/tmp', b'tmpfs', 0, None) == 0\n"
        "print('tried', WON)\n" + CORRECT_IF, {"fail"}, "tried False"),
    "ptrace": (
        "import ctypes\nlibc = ctypes.CDLL(None, use_errno=True)\n"
        "WON = libc.ptrace(16, 1, 0, 0) == 0\nprint('tried', WON)\n" + CORRECT_IF,
        {"fail"}, "tried False"),
    "results flood": (
        "import os\nfor fd in range(3, 12):\n    try:\n"
        "        for _ in range(80): os.write(fd, b'\\0' * (1 << 20))\n"
        "    except OSError: pass\n"
        "def add(a, b):\n    return a + b\n", {"fail", "error"}, None),
    "patch the case inputs": (
        "import torch\n_randn = torch.randn\n"
        "torch.randn = lambda *a, **k: torch.zeros(*[s for s in a if isinstance(s, int)])\n"
        "def add(a, b):\n    return a * 0\n", {"fail"}, None),
    "close every descriptor": (
        "import os\nos.closerange(0, 1024)\ndef add(a, b):\n    return a + b\n",
        {"error"}, None),
    "infinite recursion": (
        "def add(a, b):\n    return add(a, b)\n", {"error"}, None),
    "raise KeyboardInterrupt": (
        "def add(a, b):\n    raise KeyboardInterrupt\n", {"error"}, None),
    "forbidden call via getattr": (
        "import torch\ndef add(a, b):\n    return getattr(torch, 'a' + 'dd')(a, b)\n",
        {"error"}, "not allowed"),
}


@pytest.mark.parametrize("name", list(ATTACKS))
def test_attack_does_not_pass(env, name):
    source, allowed, proof = ATTACKS[name]
    source = (source.replace("SECRET_MARKER", SECRET_MARKER)
              .replace("HOME", os.environ["ONSITE_HOME"])
              .replace("PACK", str(env["pack"]))
              .replace("OUTSIDE", str(env["outside"])))
    before = fingerprint(Path(os.environ["ONSITE_HOME"]))
    start = time.monotonic()
    verdict = judge(env, source)
    elapsed = time.monotonic() - start
    assert verdict.status in allowed, (verdict.status, verdict.message, verdict.tests, verdict.output)
    assert not verdict.passed
    assert SECRET_MARKER not in verdict.output
    assert len(verdict.output) <= 4096
    if proof is not None:
        said = verdict.output + " ".join(t.message for t in verdict.tests)
        assert proof in said, said
    assert elapsed < 3.0 + 5.0, "the wall deadline was not enforced"
    assert not any(env["outside"].iterdir()), "something was written outside the sandbox"
    assert fingerprint(Path(os.environ["ONSITE_HOME"])) == before, "the verifier's files changed"
    assert verdict.isolation.endswith("+seccomp")


def stray_processes(ours: int) -> list[str]:
    """Processes of the sandbox user that are not inside another runner's sandbox.

    Another test (an xdist worker) may be judging at the same moment; its children hang
    under its own zygote. Anything of ours, or orphaned to init, counts."""
    out = subprocess.run(["ps", "-e", "-o", "pid=,ppid=,uid=,args="], capture_output=True,
                         text=True)
    table = {}
    for line in out.stdout.splitlines():
        pid, ppid, uid, *cmd = line.split(None, 3)
        table[int(pid)] = (int(ppid), int(uid), " ".join(cmd))
    zygotes = {pid for pid, (_, _, cmd) in table.items() if "onsite.judge.zygote" in cmd}
    stray = []
    for pid, (ppid, uid, cmd) in table.items():
        if uid != 65534:
            continue
        parent = ppid
        while parent in table and parent not in zygotes:
            parent = table[parent][0]
        if parent not in zygotes or parent == ours:
            stray.append(f"{pid} {cmd}")
    return stray


def test_nothing_survives_the_sandbox(env):
    ours = env["runner"]._proc.pid
    judge(env, ATTACKS["double fork and setsid"][0])
    judge(env, ATTACKS["spin ignoring SIGTERM"][0])
    time.sleep(0.3)
    left = stray_processes(ours)
    assert left == [], f"processes outlived their sandbox: {left}"


def test_the_reference_still_passes_after_the_suite(env):
    verdict = judge(env, env["item"].solution_path.read_text())
    assert verdict.passed, verdict


def test_static_check_names_the_forbidden_call(env):
    verdict = judge(env, "import torch as T\ndef add(a, b):\n    return T.add(a, b)\n")
    assert verdict.status == "rejected"
    assert "torch.add" in verdict.message and "line 3" in verdict.message
