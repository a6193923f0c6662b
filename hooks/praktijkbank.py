"""The build hook of the Praktijkbank: the site is validated and made by its plugin.

mkdocs.yml lists the plugin `praktijkbank` (src/praktijkbank/mkdocs_adapter/), which does
all the work; this hook only refuses a configuration that leaves it out, because such a
build would publish docs/ without a single card and without checking one.
"""

from mkdocs.exceptions import PluginError


def on_config(config):
    if "praktijkbank" not in config.plugins:
        raise PluginError("mkdocs.yml noemt de plugin 'praktijkbank' niet onder plugins:; zonder die "
                          "plugin worden de kaarten niet gecontroleerd en niet gepubliceerd")
    return config
