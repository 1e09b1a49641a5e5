package io.github.usersession.demo;

import java.io.Serializable;

import jakarta.inject.Named;
import jakarta.mvc.RedirectScoped;

/** A note that Jakarta MVC's redirect scope carries to the page after a redirect, beside the flashes. */
@Named("notice")
@RedirectScoped
public class Notice implements Serializable {

    private static final long serialVersionUID = 1L;

    private String text = "";

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }
}
