package dev.daybook.slack.workspace;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Daybook installed in one workspace: its bot and token (sealed), or when it was uninstalled. */
@Entity
@Table(name = "slack_installation")
class SlackInstallationEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String teamId;

    private String teamName;

    private String enterpriseId;

    private String appId;

    private String botId;

    private String botUserId;

    private String botScopes;

    private String botTokenSealed;

    private String installerUserId;

    private Instant installedAt;

    private Instant uninstalledAt;

    /** When a start found that no key Daybook has opens the token: the workspace must install again. */
    private Instant tokenUnreadableAt;

    protected SlackInstallationEntity() {
    }

    SlackInstallationEntity(String teamId) {
        this.teamId = teamId;
    }

    void installed(String teamName, String enterpriseId, String appId, String botId, String botUserId,
                   String botScopes, String botTokenSealed, String installerUserId, Instant at) {
        this.teamName = teamName;
        this.enterpriseId = enterpriseId;
        this.appId = appId;
        this.botId = botId;
        this.botUserId = botUserId;
        this.botScopes = botScopes;
        this.botTokenSealed = botTokenSealed;
        this.installerUserId = installerUserId;
        this.installedAt = at;
        this.uninstalledAt = null;
        this.tokenUnreadableAt = null;
    }

    /** Forgets the token at once; the workspace's data is kept until the grace period ends. */
    void uninstalled(Instant at) {
        this.botTokenSealed = null;
        if (uninstalledAt == null) {
            this.uninstalledAt = at;
        }
    }

    void reseal(String sealed) {
        this.botTokenSealed = sealed;
        this.tokenUnreadableAt = null;
    }

    /** No key opens the token (kept, in case the old key is listed again); true when newly marked. */
    boolean markUnreadable(Instant at) {
        if (tokenUnreadableAt != null) {
            return false;
        }
        tokenUnreadableAt = at;
        return true;
    }

    /** The token opens again (the old key was listed after all). */
    void markReadable() {
        tokenUnreadableAt = null;
    }

    Instant tokenUnreadableAt() {
        return tokenUnreadableAt;
    }

    boolean isActive() {
        return uninstalledAt == null && botTokenSealed != null;
    }

    String teamId() {
        return teamId;
    }

    String teamName() {
        return teamName;
    }

    String enterpriseId() {
        return enterpriseId;
    }

    String appId() {
        return appId;
    }

    String botId() {
        return botId;
    }

    String botUserId() {
        return botUserId;
    }

    String botScopes() {
        return botScopes;
    }

    String botTokenSealed() {
        return botTokenSealed;
    }

    String installerUserId() {
        return installerUserId;
    }

    Instant installedAt() {
        return installedAt;
    }

    Instant uninstalledAt() {
        return uninstalledAt;
    }
}
