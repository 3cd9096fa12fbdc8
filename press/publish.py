"""Publish a built site: rsync (SSH or local path), GitHub Pages (ghp-import), a folder, a .tar.gz.

Targets and credentials come from the environment (see README, "Deploying"); nothing secret
lives in the repository. Every target first passes the safety check (a site that is empty or
suspiciously small is never published, so an rsync --delete cannot wipe a live site), and
every target supports a dry run that reports what would change and changes nothing.
"""

import gzip
import hashlib
import os
import shutil
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import brotli

TARGETS = ("rsync", "ghpages", "directory", "archive")

# Environment variables read by `publish` (documented in README, "Deploying").
ENV = {
    "target": "PUBLISH_TARGET",  # rsync | ghpages | directory | archive
    "rsync": "PUBLISH_RSYNC_DEST",  # user@host:/var/www/bulletin/ or /srv/www/bulletin/
    "ssh_port": "PUBLISH_SSH_PORT",
    "ssh_key": "PUBLISH_SSH_KEY",  # path of a private key file (not the key itself)
    "ghpages": "PUBLISH_GH_REMOTE",  # git URL, default: this repository's `origin`
    "gh_branch": "PUBLISH_GH_BRANCH",  # default gh-pages
    "gh_cname": "PUBLISH_GH_CNAME",  # custom domain written to CNAME
    "directory": "PUBLISH_DIR",
    "archive": "PUBLISH_ARCHIVE",  # path of the .tar.gz to write
}

DEFAULTS = {
    "min_pages": 5,  # fewer HTML pages than this: refuse to publish
    "max_delete_ratio": 0.5,  # refuse to delete more than this share of the published files…
    "delete_check_min_files": 20,  # …when the target holds at least this many files
    "precompress": [".html", ".css", ".js", ".xml", ".txt", ".svg", ".json", ".webmanifest"],
    "precompress_min_bytes": 256,
    "brotli_quality": 11,  # 0-11: 11 is the smallest and slowest (about 10 ms for a page)
    "strict": True,  # a build that logged warnings is not published
}


class PublishError(Exception):
    """A reason not to publish, shown to the user as one clear message."""


@dataclass
class Plan:
    """What publishing changes at the target."""

    target: str
    destination: str
    added: list = field(default_factory=list)
    changed: list = field(default_factory=list)
    deleted: list = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{self.target} -> {self.destination}: {len(self.added)} new, "
            f"{len(self.changed)} changed, {len(self.deleted)} deleted"
        )


def options(settings) -> dict:
    return dict(DEFAULTS, **(settings.get("PUBLISH") or {}))


def site_files(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


def check_site(site: Path, opts: dict, existing_count: int = 0, deleting: int = 0) -> None:
    """Refuse an empty or suspiciously small site, or one that would delete most of the target."""
    if not site.is_dir() or not (site / "index.html").is_file():
        raise PublishError(f"{site} has no index.html: refusing to publish an empty or broken site.")
    pages = sum(1 for _ in site.rglob("*.html"))
    if pages < opts["min_pages"]:
        raise PublishError(
            f"{site} has only {pages} HTML page(s) (fewer than {opts['min_pages']}): refusing to "
            "publish a suspiciously small site. Set PUBLISH['min_pages'] in publishconf.py if "
            "this is really the whole site."
        )
    if (
        existing_count >= opts["delete_check_min_files"]
        and deleting > existing_count * opts["max_delete_ratio"]
    ):
        raise PublishError(
            f"Publishing would delete {deleting} of the {existing_count} files at the target "
            f"(more than {opts['max_delete_ratio']:.0%}): refusing. Check the build, or publish "
            "with --force if the site really shrank."
        )


# --- precompressed copies -------------------------------------------------------------------

def precompress(site: Path, opts: dict) -> int:
    """Write `x.gz` and `x.br` beside each text file, for servers that serve them as they are
    (nginx gzip_static/brotli_static, Apache with rewrite rules). Returns the files written."""
    written = 0
    suffixes = tuple(opts["precompress"])
    for path in sorted(site.rglob("*")):
        if not path.is_file() or path.suffix not in suffixes:
            continue
        copies = [path.with_name(path.name + suffix) for suffix in (".gz", ".br")]
        if all(c.is_file() and c.stat().st_mtime_ns >= path.stat().st_mtime_ns for c in copies):
            written += 2  # compressed after the file was last written
            continue
        data = path.read_bytes()
        if len(data) < opts["precompress_min_bytes"]:
            continue
        # mtime=0 and no file name: the same input always gives the same bytes.
        gz = gzip.compress(data, compresslevel=9, mtime=0)
        br = brotli.compress(data, mode=brotli.MODE_TEXT, quality=opts["brotli_quality"])
        for suffix, packed in ((".gz", gz), (".br", br)):
            copy = path.with_name(path.name + suffix)
            if len(packed) < len(data):
                if not copy.is_file() or copy.read_bytes() != packed:
                    copy.write_bytes(packed)
                written += 1
            elif copy.is_file():
                copy.unlink()  # an old copy of a file that no longer shrinks
    return written


# --- comparing the site with what is published ----------------------------------------------

def git_blob_sha(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def compare(site: Path, published: dict) -> Plan:
    """published: relative path -> git blob sha of the file at the target."""
    plan = Plan("", "")
    local = {name: git_blob_sha((site / name).read_bytes()) for name in site_files(site)}
    for name, sha in local.items():
        if name not in published:
            plan.added.append(name)
        elif published[name] != sha:
            plan.changed.append(name)
    plan.deleted = sorted(set(published) - set(local))
    return plan


def directory_state(folder: Path) -> dict:
    if not folder.is_dir():
        return {}
    return {name: git_blob_sha((folder / name).read_bytes()) for name in site_files(folder)}


# --- targets ----------------------------------------------------------------------------------

def run(command, **kwargs) -> subprocess.CompletedProcess:
    try:
        done = subprocess.run(command, capture_output=True, text=True, **kwargs)
    except FileNotFoundError:
        raise PublishError(f"{command[0]} is not installed; install it to publish this way.")
    if done.returncode != 0:
        raise PublishError(f"{' '.join(map(str, command[:2]))} failed:\n{done.stderr.strip()}")
    return done


def publish_directory(site, destination, opts, dry_run=False, force=False) -> Plan:
    destination = Path(destination).resolve()
    existing = directory_state(destination)
    plan = compare(site, existing)
    check_site(site, opts, len(existing), 0 if force else len(plan.deleted))
    if not dry_run:
        destination.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{destination.name}-new-", dir=destination.parent))
        shutil.copytree(site, staging, dirs_exist_ok=True)
        retired = None
        if destination.exists():
            retired = Path(tempfile.mkdtemp(prefix=f".{destination.name}-old-", dir=destination.parent))
            os.rename(destination, retired / "site")
        os.rename(staging, destination)
        if retired:
            shutil.rmtree(retired, ignore_errors=True)
    return plan


def publish_archive(site, destination, opts, dry_run=False, force=False) -> Plan:
    destination = Path(destination).resolve()
    check_site(site, opts)
    plan = Plan("", "", added=site_files(site))
    if not dry_run:
        destination.parent.mkdir(parents=True, exist_ok=True)
        partial = destination.with_name(destination.name + ".partial")

        def normalise(info):
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            info.mtime = 0
            return info

        with open(partial, "wb") as raw, gzip.GzipFile(
            filename="", mode="wb", fileobj=raw, mtime=0
        ) as packed, tarfile.open(fileobj=packed, mode="w") as archive:
            for name in site_files(site):
                archive.add(site / name, arcname=name, filter=normalise)
        os.replace(partial, destination)
    return plan


def rsync_command(site, destination, dry_run, port=None, key=None) -> list:
    command = [
        # --checksum: a rebuild gives every file a new time; send only what really changed.
        "rsync", "--recursive", "--links", "--times", "--checksum", "--compress", "--delete",
        "--itemize-changes", "--out-format=%i %n", "--chmod=D755,F644",
    ]
    if ":" in str(destination).split("/", 1)[0]:  # user@host:/path goes over SSH
        ssh = ["ssh", "-o", "BatchMode=yes"]
        if port:
            ssh += ["-p", str(port)]
        if key:
            ssh += ["-i", str(key), "-o", "IdentitiesOnly=yes"]
        command += ["-e", " ".join(ssh)]
    if dry_run:
        command.append("--dry-run")
    return command + [f"{site}/", str(destination).rstrip("/") + "/"]


def parse_itemized(output: str) -> Plan:
    plan = Plan("", "")
    for line in output.splitlines():
        # "%i %n": 11 columns of change flags ("*deleting" padded to 11), a space, the name.
        flags, name = line[:11].strip(), line[12:]
        if not name or name.endswith("/"):
            continue
        if flags == "*deleting":
            plan.deleted.append(name)
        elif flags.startswith((">f+", "<f+", "cf+")) or "+++++" in flags:
            plan.added.append(name)
        elif flags[:1] in ("<", ">") and flags[1:2] == "f":  # content sent; "." is metadata only
            plan.changed.append(name)
    return plan


def publish_rsync(site, destination, opts, dry_run=False, force=False, port=None, key=None) -> Plan:
    check_site(site, opts)
    # Always look first: a dry run says what --delete would remove before anything is sent.
    preview = parse_itemized(run(rsync_command(site, destination, True, port, key)).stdout)
    kept = len(site_files(site)) - len(preview.added)
    check_site(site, opts, kept + len(preview.deleted), 0 if force else len(preview.deleted))
    if dry_run:
        return preview
    return parse_itemized(run(rsync_command(site, destination, False, port, key)).stdout)


def publish_ghpages(site, remote, opts, dry_run=False, force=False, branch="gh-pages", cname=None) -> Plan:
    """Commit the site to `branch` of `remote` with ghp-import, in a scratch repository, so
    this repository's own branches are never touched."""
    with tempfile.TemporaryDirectory(prefix="ghpages-") as scratch:
        git = ["git", "-C", scratch]
        run(git + ["init", "--quiet"])
        run(git + ["remote", "add", "target", remote])
        run(git + ["config", "user.name", os.environ.get("GIT_COMMITTER_NAME", "Huu Nghi Press")])
        run(git + ["config", "user.email", os.environ.get("GIT_COMMITTER_EMAIL", "press@localhost")])
        exists = subprocess.run(
            git + ["ls-remote", "--exit-code", "--heads", "target", branch], capture_output=True
        )
        if exists.returncode not in (0, 2):
            raise PublishError(f"cannot reach {remote}:\n{exists.stderr.decode().strip()}")
        published = {}
        if exists.returncode == 0:
            run(git + ["fetch", "--quiet", "--depth=1", "target", f"{branch}:{branch}"])
            listing = run(git + ["ls-tree", "-r", branch]).stdout
            for line in listing.splitlines():
                meta, _, name = line.partition("\t")
                published[name] = meta.split()[2]
        # ghp-import adds .nojekyll (and CNAME): compare like with like.
        for extra in (".nojekyll", "CNAME"):
            published.pop(extra, None)
        plan = compare(site, published)
        check_site(site, opts, len(published), 0 if force else len(plan.deleted))
        if dry_run:
            return plan
        command = [
            shutil.which("ghp-import") or "ghp-import", "--no-jekyll", "--push", "--force",
            "--branch", branch, "--remote", "target", "--message", "Publish the site",
        ]
        if exists.returncode == 0:
            command.remove("--force")  # a child of the published commit: history is kept
        if cname:
            command += ["--cname", cname]
        run(command + [str(site)], cwd=scratch)
    return plan


def publish(site: Path, target: str, destination: str, settings: dict, dry_run=False, force=False,
            env=os.environ) -> Plan:
    opts = options(settings)
    site = Path(site).resolve()
    if target not in TARGETS:
        raise PublishError(f"unknown target {target!r}; choose one of: {', '.join(TARGETS)}")
    if target == "ghpages" and not destination:
        destination = default_git_remote()
    if not destination:
        raise PublishError(
            f"no destination for the {target} target: give --dest or set {ENV[target]}."
        )
    if target == "rsync":
        plan = publish_rsync(site, destination, opts, dry_run, force,
                             env.get(ENV["ssh_port"]), env.get(ENV["ssh_key"]))
    elif target == "ghpages":
        plan = publish_ghpages(site, destination, opts, dry_run, force,
                               env.get(ENV["gh_branch"]) or "gh-pages", env.get(ENV["gh_cname"]))
    elif target == "directory":
        plan = publish_directory(site, destination, opts, dry_run, force)
    else:
        plan = publish_archive(site, destination, opts, dry_run, force)
    plan.target, plan.destination = target, redact(str(destination))
    return plan


def default_git_remote() -> str | None:
    done = subprocess.run(["git", "remote", "get-url", "origin"], capture_output=True, text=True)
    return done.stdout.strip() or None if done.returncode == 0 else None


def redact(url: str) -> str:
    """Hide a token in https://user:token@host/… before printing it."""
    if "://" in url and "@" in url.split("://", 1)[1].split("/", 1)[0]:
        scheme, rest = url.split("://", 1)
        return f"{scheme}://***@{rest.split('@', 1)[1]}"
    return url
