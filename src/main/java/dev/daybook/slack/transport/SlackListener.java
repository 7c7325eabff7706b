package dev.daybook.slack.transport;

import com.slack.api.bolt.App;

/** A part of the Slack edge that answers some of Slack's requests; registers its handlers on the Bolt app. */
public interface SlackListener {

    void register(App app);
}
