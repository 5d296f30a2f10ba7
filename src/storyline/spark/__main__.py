"""``spark-submit storyline/spark/__main__.py INPUT... --output DIR`` (or ``python -m
storyline.spark``): a Spark run with the master and resources of spark-submit (``run.main``)."""

from storyline.spark.run import main

if __name__ == "__main__":
    main()
