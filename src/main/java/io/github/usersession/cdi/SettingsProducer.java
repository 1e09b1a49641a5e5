package io.github.usersession.cdi;

import io.github.usersession.config.SessionSettings;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the settings validated at deployment injectable. */
class SettingsProducer {

    @Produces
    @Singleton
    SessionSettings settings(UserSessionExtension extension) {
        return extension.settings();
    }
}
