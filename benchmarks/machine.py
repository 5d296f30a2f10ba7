"""The machine a benchmark ran on, for the reports of the benchmark scripts."""

from __future__ import annotations

import importlib.metadata
import os
import platform
import shutil
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def machine() -> dict[str, str]:
    """CPU, cores, RAM, OS, versions, the commit and the load average now."""
    cpu = "unknown"
    with open("/proc/cpuinfo", encoding="utf-8") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo", encoding="ascii") as f:
        mem_kib = int(f.readline().split()[1])
    commit = subprocess.run(
        ["git", "-C", str(REPO), "log", "-1", "--format=%h %cI %s"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    try:
        import pyspark

        spark_version = pyspark.__version__
    except ImportError:
        spark_version = "not installed"
    java = shutil.which("java")
    java_version = (
        subprocess.run(
            [java, "-version"], capture_output=True, text=True, check=False
        ).stderr.splitlines()[0]
        if java
        else "not found"
    )
    return {
        "CPU": cpu,
        "cores (nproc)": str(os.cpu_count()),
        "RAM": f"{mem_kib / 1024 / 1024:.1f} GiB",
        "OS": platform.platform(),
        "Python": platform.python_version(),
        "spaCy": importlib.metadata.version("spacy"),
        "PySpark": spark_version,
        "Java": java_version,
        "commit": commit,
        "load average at start": " ".join(f"{x:.1f}" for x in os.getloadavg()),
    }
