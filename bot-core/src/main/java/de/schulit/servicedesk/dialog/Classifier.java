package de.schulit.servicedesk.dialog;

/** Maps a free-text description to a catalog service and request type. */
@FunctionalInterface
public interface Classifier {

    Classification classify(String text);

    /** Until a model is available, the dialog offers the catalog as a menu. */
    Classifier NONE = text -> Classification.unknown();
}
