"""Cross-document steps: entity linking, event merging, stories and timelines.

Pure functions over records (no database, no spaCy), so the local store and the Spark runner call the
same code:

- ``story.entities.link_entities(entities, roles) -> (entities, redirects)``: one entity per real-world
  actor; ``redirects`` maps a per-document entity id to the id it was merged into.
- ``story.events.merge_events(events, documents) -> list[StoryEvent]``: one story event per real-world
  event, keeping every mention.
- ``story.stories.group_stories(documents, events, story_events) -> (stories, story_events)``: stories,
  and the story events with their ``story_id`` set.
- ``story.timeline.build_timeline(...) -> list[TimelineEntry]``: dated, cited entries.
"""
