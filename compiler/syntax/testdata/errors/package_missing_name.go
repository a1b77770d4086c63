package 
