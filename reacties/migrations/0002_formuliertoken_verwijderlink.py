from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('reacties', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='reactie',
            name='formulier_token',
            field=models.UUIDField(editable=False, null=True, unique=True),
        ),
        migrations.AddField(
            model_name='reactie',
            name='verwijder_hash',
            field=models.CharField(blank=True, db_index=True, editable=False, max_length=64),
        ),
    ]
