"""Two steps at the same moment, in real concurrent transactions (each thread has its own connection)."""

import threading
import time

from django.db import connection, transaction


def race(first_step, second_step):
    """Runs first_step in a transaction that stays open 0.5 s after it, and second_step as soon as first_step
    is done. Returns how long after the start the second one finished; an exception in either step fails."""
    first_done, finished, errors = threading.Event(), {}, []

    def first():
        try:
            with transaction.atomic():
                first_step()
                first_done.set()
                time.sleep(0.5)  # still holding the lock while the second one tries
        except Exception as exc:  # noqa: BLE001 - raised again below, in the test's thread
            errors.append(exc)
            first_done.set()
        finally:
            connection.close()

    def second():
        first_done.wait(5)
        try:
            second_step()
        except Exception as exc:  # noqa: BLE001 - raised again below
            errors.append(exc)
        finally:
            finished["at"] = time.monotonic()
            connection.close()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    if errors:
        raise errors[0]
    return finished["at"] - started
