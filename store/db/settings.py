"""Settings kept in the database's ``meta`` table (``reader config``), and who the
user is: the name every annotation and link they make records as its creator."""

from __future__ import annotations

from dataclasses import dataclass

from store.db.connection import USER_NAME, Connected, login_name
from store.errors import StoreError

KEEP_ACTIONS = "journal.keep_actions"
KEEP_DAYS = "journal.keep_days"


@dataclass(frozen=True)
class Setting:
    """One setting: its key, what it does, and its default when not set."""

    key: str
    help: str
    default: str
    number: bool = False
    """A whole number of at least 1 (refused otherwise)."""


SETTINGS: dict[str, Setting] = {
    setting.key: setting
    for setting in (
        Setting(
            USER_NAME,
            "who you are: recorded as the creator of every annotation and link you make",
            "your login name",
        ),
        Setting(KEEP_ACTIONS, "undo keeps this many actions at most", "1000", number=True),
        Setting(KEEP_DAYS, "undo keeps actions for this many days at most", "90", number=True),
    )
}


class SettingOps(Connected):
    """What ``Store`` keeps of ``reader config``."""

    def setting(self, key: str) -> str | None:
        """The value set for ``key``, or None when it is not set (its default holds)."""
        _known(key)
        return self.get_meta(key)

    def number_setting(self, key: str) -> int:
        """A whole-number setting's value, else its default."""
        value = self.setting(key)
        return int(value if value is not None else SETTINGS[key].default)

    def set_setting(self, key: str, value: str | None) -> None:
        """Set ``key`` to ``value`` (None: back to its default)."""
        setting = _known(key)
        if value is not None:
            value = " ".join(value.split())
            if setting.number and not (value.isdigit() and int(value) >= 1):
                raise StoreError(f"{key} is a whole number of at least 1, not {value!r}")
            if not value:
                raise StoreError(f"{key} cannot be empty; use --unset to go back to the default")
        with self.transaction() as conn:
            if value is None:
                conn.execute("DELETE FROM meta WHERE key = ?", (key,))
            else:
                conn.execute(
                    "INSERT INTO meta (key, value) VALUES (?, ?)"
                    " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (key, value),
                )
        if key == USER_NAME:
            self.user = self.get_meta(USER_NAME) or login_name()

    def settings(self) -> dict[str, str | None]:
        """Every setting with the value set for it (None: not set, its default holds)."""
        return {key: self.get_meta(key) for key in SETTINGS}


def _known(key: str) -> Setting:
    if key not in SETTINGS:
        raise StoreError(f"no setting {key!r}: the settings are {', '.join(SETTINGS)}")
    return SETTINGS[key]
