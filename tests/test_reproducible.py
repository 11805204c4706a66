"""Reproducible builds: the same content and code give the same bytes, wherever and whenever
they are built. The build date MkDocs writes, and the date of the PDFs, come from the last
git commit."""

from __future__ import annotations

import gzip
import hashlib
import io
import os
import struct
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from macros.pdf.finish import Metadata, finish
from macros.site.reproducible import FALLBACK_EPOCH, source_date_epoch
from tests.helpers import ROOT, Project

pytestmark = pytest.mark.build


def digests(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def git(folder: Path, *args: str, date: str = "") -> str:
    env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date} if date else None
    result = subprocess.run(
        ["git", "-C", str(folder), *args], capture_output=True, text=True, check=True, env=env
    )
    return result.stdout.strip()


def gzip_mtime(path: Path) -> int:
    return struct.unpack("<I", path.read_bytes()[4:8])[0]


@pytest.fixture
def no_epoch(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


def test_two_builds_in_different_folders_are_byte_identical(tmp_path, no_epoch, monkeypatch):
    sites = []
    # Different hash seeds: a set iterated into the output would change its order.
    for name, seed in (("first", "1"), ("second", "2")):
        monkeypatch.setenv("PYTHONHASHSEED", seed)
        project = Project(tmp_path / name / "project", data=ROOT / "playbook_data")
        site = tmp_path / name / "site"
        result = project.playbook("build", "--site-dir", str(site))
        assert result.returncode == 0, result.stderr
        sites.append(digests(site))
    first, second = sites
    # The whole tree: every page, the search index, the open data, the gzipped sitemap.
    assert {
        "index.html",
        "print/index.html",
        "search/search_index.json",
        "sitemap.xml",
        "sitemap.xml.gz",
        "playbook.json",
        "stories.csv",
    } <= first.keys()
    assert len(first) > 100
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_the_sitemap_is_dated_by_the_last_commit(tmp_path, no_epoch):
    project = Project(tmp_path / "project")
    # With a site_url, MkDocs lists every page in sitemap.xml with a <lastmod> date.
    config = project.path / "mkdocs.yml"
    config.write_text(
        "site_url: https://playbook.example.org/\n" + config.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    git(project.path, "init", "-q")
    git(project.path, "add", "playbook_data")
    git(
        project.path,
        "-c", "user.name=Editor", "-c", "user.email=editor@example.org",
        "commit", "-q", "-m", "Content",
        date="2024-03-05T12:00:00+00:00",
    )  # fmt: skip
    assert source_date_epoch(project.path) == "1709640000"
    site = tmp_path / "site"
    assert project.playbook("build", "--site-dir", str(site)).returncode == 0
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<lastmod>2024-03-05</lastmod>" in sitemap
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()).decode() == sitemap
    assert gzip_mtime(site / "sitemap.xml.gz") == 1709596800  # 2024-03-05, midnight UTC


def test_outside_git_the_build_date_is_a_fixed_value(tmp_path, no_epoch):
    assert source_date_epoch(tmp_path) == FALLBACK_EPOCH == "0"


def test_a_source_date_epoch_given_by_the_caller_wins(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert source_date_epoch(tmp_path) == "1700000000"


def printed_pdf(when: str) -> bytes:
    """A one-page PDF dated as Chromium dates it: the time of printing."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    writer.add_metadata({"/CreationDate": when, "/ModDate": when})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_pdfs_printed_at_different_times_are_dated_by_the_content():
    meta = Metadata("Title", "Us", "All", epoch=1709640000)  # SOURCE_DATE_EPOCH
    first, _ = finish(printed_pdf("D:20260101090000+00'00'"), meta)
    second, _ = finish(printed_pdf("D:20260102170500+00'00'"), meta)
    assert first == second
    metadata = PdfReader(io.BytesIO(first)).metadata
    assert metadata["/CreationDate"] == metadata["/ModDate"] == "D:20240305120000+00'00'"


def test_without_a_source_date_a_pdf_keeps_the_time_it_was_printed():
    data, _ = finish(printed_pdf("D:20260101090000+00'00'"), Metadata("Title", "Us", "All"))
    assert PdfReader(io.BytesIO(data)).metadata["/CreationDate"] == "D:20260101090000+00'00'"
