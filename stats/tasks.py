from celery import shared_task

from stats.services import rollups_fold


@shared_task(name="stats.rollups_fold", ignore_result=True)
def rollups_fold_task() -> None:
    """Fold new check-ins, coupons, views and social activity into the statistics rollups (idempotent, serialised)."""
    rollups_fold(wait=False)  # a fold still running (a big backlog) is not queued behind: the next beat catches up
