"""Backup and restore: the database and every uploaded file (public media and the private CVs) in
one archive with a manifest of checksums. See `manage.py backup` and `manage.py restore`.

The database goes through Django's serializer (dumpdata/loaddata, every primary key kept), not pg_dump:
the same archive restores into PostgreSQL or SQLite, on any server version, and a restore checks the
archive against the code's migrations. The dump is read in one transaction (REPEATABLE READ on
PostgreSQL), so it is one consistent moment. Left out, because they are derived or passing: sessions,
background task results, Wagtail's search index and image renditions (rebuilt: `update_index` runs
after a restore, renditions on first view).
"""

import hashlib
import io
import json
import logging
import os
import tarfile
import tempfile
import time
from pathlib import PurePosixPath

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import call_command
from django.core.management.sql import emit_post_migrate_signal
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

logger = logging.getLogger(__name__)

FORMAT = 1
EXCLUDE = ["sessions", "django_tasks_database", "wagtailsearch", "wagtailimages.rendition", "wagtailadmin.editingsession"]
STORAGE_PREFIXES = {"default": "media", "private": "private"}  # storage alias -> folder in the archive


class BackupError(Exception):
    """A backup that cannot be made or restored; the message is for the operator (Dutch)."""


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def walk(storage, folder=""):
    """Every file name in a storage (file system or S3), recursively."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        yield f"{folder}/{name}" if folder else name
    for sub in folders:
        yield from walk(storage, f"{folder}/{sub}" if folder else sub)


def applied_migrations(alias=DEFAULT_DB_ALIAS) -> list[list[str]]:
    loader = MigrationLoader(connections[alias])
    return sorted([app, name] for app, name in loader.applied_migrations)


def dump_database() -> bytes:
    """All data as JSON, read in one transaction so that it is one consistent moment."""
    out = io.StringIO()
    connection = connections[DEFAULT_DB_ALIAS]
    outermost = not connection.in_atomic_block  # inside a caller's transaction, that one is the snapshot
    with transaction.atomic():
        if connection.vendor == "postgresql" and outermost:
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        call_command("dumpdata", exclude=EXCLUDE, format="json", indent=None, stdout=out)
    return out.getvalue().encode("utf-8")


def _add(tar, name: str, data: bytes):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(time.time())
    info.mode = 0o600
    tar.addfile(info, io.BytesIO(data))


def make_backup(path) -> dict:
    """Write the archive (tar.gz, readable by its owner only); returns the manifest."""
    database = dump_database()
    checksums = {"database.json": _sha256(database)}
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
        _add(tar, "database.json", database)
        for alias, prefix in STORAGE_PREFIXES.items():
            storage = storages[alias]
            for name in walk(storage):
                with storage.open(name, "rb") as handle:
                    data = handle.read()
                checksums[f"{prefix}/{name}"] = _sha256(data)
                _add(tar, f"{prefix}/{name}", data)
        manifest = {
            "format": FORMAT,
            "gemaakt": timezone.now().isoformat(),
            "database": connections[DEFAULT_DB_ALIAS].vendor,
            "migraties": applied_migrations(),
            "objecten": len(json.loads(database)),
            "bestanden": checksums,
        }
        _add(tar, "manifest.json", json.dumps(manifest, indent=1, sort_keys=True).encode())
    return manifest


def read_archive(path) -> tuple[dict, dict[str, bytes]]:
    """The manifest and the members, each checked against its checksum; BackupError otherwise."""
    try:
        with tarfile.open(path, mode="r:gz") as tar:
            members = {}
            for member in tar.getmembers():
                name = PurePosixPath(member.name)
                if not member.isfile() or name.is_absolute() or ".." in name.parts:
                    raise BackupError(f"Onverwacht onderdeel in het archief: {member.name}")
                members[member.name] = tar.extractfile(member).read()
    except (OSError, tarfile.TarError, EOFError) as exc:
        raise BackupError(f"Het archief is onleesbaar: {exc}") from exc
    if "manifest.json" not in members:
        raise BackupError("Het archief heeft geen manifest.json")
    manifest = json.loads(members.pop("manifest.json"))
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Onbekend archiefformaat {manifest.get('format')!r}")
    expected = manifest["bestanden"]
    if set(expected) != set(members):
        missing, extra = set(expected) - set(members), set(members) - set(expected)
        raise BackupError(f"Archief en manifest verschillen: ontbreekt {sorted(missing)[:5]}, extra {sorted(extra)[:5]}")
    for name, data in members.items():
        if _sha256(data) != expected[name]:
            raise BackupError(f"Controlegetal klopt niet voor {name}: het archief is beschadigd")
    return manifest, members


def restore_backup(path) -> dict:
    """Replace the database's content and write the files back. The database must be migrated to the
    code's migrations (`manage.py migrate`); the archive may not hold migrations that the code lacks.
    All or nothing for the database: a failure leaves it as it was."""
    manifest, members = read_archive(path)
    known = {tuple(key) for key in applied_migrations()}
    unknown = [f"{app}.{name}" for app, name in manifest["migraties"] if (app, name) not in known]
    if unknown:
        raise BackupError(
            "Het archief komt van een nieuwere versie (migraties die deze database niet heeft: "
            f"{', '.join(unknown[:5])}). Draai eerst `manage.py migrate` met de nieuwere code."
        )
    with tempfile.NamedTemporaryFile(suffix=".json") as dump:
        dump.write(members.pop("database.json"))
        dump.flush()
        connection = connections[DEFAULT_DB_ALIAS]
        with transaction.atomic():
            # Empty, without the content types and permissions that migrate would add: the archive's
            # own come back with their ids; afterwards migrate's signal adds those of newer models.
            # (PostgreSQL: TRUNCATE needs the caller's pending foreign-key checks done first.)
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            call_command("loaddata", dump.name, verbosity=0)
            ContentType.objects.clear_cache()
            emit_post_migrate_signal(verbosity=0, interactive=False, db=DEFAULT_DB_ALIAS)
    prefixes = {prefix: alias for alias, prefix in STORAGE_PREFIXES.items()}
    for name, data in members.items():
        prefix, _, relative = name.partition("/")
        storage = storages[prefixes[prefix]]
        if storage.exists(relative):
            storage.delete(relative)
        saved = storage.save(relative, ContentFile(data))
        if saved != relative:
            raise BackupError(f"Bestand {relative} kon niet onder zijn eigen naam worden teruggezet")
    call_command("update_index", verbosity=0, stdout=io.StringIO())
    logger.info("Back-up teruggezet: %s objecten, %s bestanden", manifest["objecten"], len(members))
    return manifest
