"""sandbox.keys: test key files open only with their password and sign challenges the sites verify."""

from __future__ import annotations

import json

import pytest

from sandbox import keys


@pytest.mark.parametrize("name", sorted(keys.TEST_KEYS))
def test_a_key_file_opens_with_its_password_and_its_signature_verifies(name: str) -> None:
    key = keys.open_key(keys.issue_key(name), keys.TEST_KEYS[name])
    assert key.key_id == name
    assert keys.verify(name, "challenge-1", keys.sign(key.secret, "challenge-1"))
    assert not keys.verify(name, "challenge-2", keys.sign(key.secret, "challenge-1"))


def test_a_key_file_keeps_its_secret_sealed() -> None:
    blob = keys.issue_key("bailiff1")
    assert keys.secret_of("bailiff1").hex() not in blob.decode()
    assert json.loads(blob)["format"] == keys.FORMAT


def test_a_wrong_password_or_a_foreign_file_is_refused() -> None:
    with pytest.raises(keys.WrongPassword):
        keys.open_key(keys.issue_key("bailiff1"), "key-pass-2")
    with pytest.raises(keys.BadKeyFile):
        keys.open_key(b"%PDF-1.4 not a key", "key-pass-1")


def test_only_test_keys_are_issued_and_verified() -> None:
    with pytest.raises(KeyError):
        keys.issue_key("stranger")
    assert not keys.verify("stranger", "c", keys.sign(keys.secret_of("stranger"), "c"))


def test_the_same_name_gives_the_same_file() -> None:
    assert keys.issue_key("bailiff2") == keys.issue_key("bailiff2")
