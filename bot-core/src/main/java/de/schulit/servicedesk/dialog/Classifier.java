package de.schulit.servicedesk.dialog;

/** Maps a free-text description to a catalog service and request type. */
@FunctionalInterface
public interface Classifier {

    Classification classify(String text);
}
