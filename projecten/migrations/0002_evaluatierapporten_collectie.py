from django.db import migrations

NAME = "Evaluatierapporten"


def create_collection(apps, schema_editor):
    # Treebeard needs the real model to add a node; the collection table is stable.
    from wagtail.models import Collection

    root = Collection.get_first_root_node()
    if root and not Collection.objects.filter(name=NAME).exists():
        root.add_child(name=NAME)


class Migration(migrations.Migration):
    dependencies = [
        ("projecten", "0001_initial"),
        ("wagtailcore", "0096_referenceindex_referenceindex_source_object_and_more"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]
    operations = [migrations.RunPython(create_collection, migrations.RunPython.noop)]
